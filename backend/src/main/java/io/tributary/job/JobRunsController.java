package io.tributary.job;

import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import io.tributary.graphql.ArgumentBatches;
import io.tributary.graphql.Arguments;
import io.tributary.graphql.Connection;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * A job's runs as a Relay connection and its duration statistics. Both fields take arguments, so they are batched
 * through data loaders keyed by job and arguments (see {@link ArgumentBatches}).
 */
@Controller
class JobRunsController {

    JobRunsController(BatchLoaderRegistry registry, JobRuns runs, JobDurations durations) {
        ArgumentBatches.<JobView, JobRuns.Page, Connection<RunView>>register(registry, "jobRuns", runs::of);
        ArgumentBatches.<JobView, Integer, DurationStats>register(registry, "jobDurationStats", durations::of);
    }

    @SchemaMapping(typeName = "Job")
    CompletableFuture<Connection<RunView>> runs(
            JobView job,
            @Argument int first,
            @Argument String after,
            DataLoader<ArgumentBatches.Key<JobView, JobRuns.Page>, Connection<RunView>> jobRuns) {
        Arguments.page(first);
        return jobRuns.load(new ArgumentBatches.Key<>(job, new JobRuns.Page(first, after)));
    }

    @SchemaMapping(typeName = "Job")
    CompletableFuture<DurationStats> durationStats(
            JobView job,
            @Argument int last,
            DataLoader<ArgumentBatches.Key<JobView, Integer>, DurationStats> jobDurationStats) {
        Arguments.range("last", last, 1, 100);
        return jobDurationStats.load(new ArgumentBatches.Key<>(job, last));
    }
}
