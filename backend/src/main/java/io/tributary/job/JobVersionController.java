package io.tributary.job;

import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import io.tributary.graphql.ArgumentBatches;
import io.tributary.graphql.Arguments;
import io.tributary.graphql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * A job's versions (a Relay connection, batched through a data loader keyed by job and page) and its current version,
 * each version's newest run resolved for all versions at once.
 */
@Controller
class JobVersionController {

    private final JobVersions versions;
    private final EntityLookup lookup;

    JobVersionController(BatchLoaderRegistry registry, JobVersions versions, EntityLookup lookup) {
        this.versions = versions;
        this.lookup = lookup;
        ArgumentBatches.<JobView, JobVersions.Page, Connection<JobVersionView>>register(
                registry, "jobVersions", versions::of);
    }

    @SchemaMapping(typeName = "Job")
    CompletableFuture<Connection<JobVersionView>> versions(
            JobView job,
            @Argument int first,
            @Argument String after,
            DataLoader<ArgumentBatches.Key<JobView, JobVersions.Page>, Connection<JobVersionView>> jobVersions) {
        Arguments.page(first);
        return jobVersions.load(new ArgumentBatches.Key<>(job, new JobVersions.Page(first, after)));
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, JobVersionView> currentVersion(List<JobView> jobs) {
        return versions.current(jobs);
    }

    @BatchMapping(typeName = "JobVersion")
    Map<JobVersionView, RunView> latestRun(List<JobVersionView> jobVersions) {
        Map<String, RunView> runs = lookup.runs(jobVersions.stream()
                .map(JobVersionView::latestRunId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        var result = new LinkedHashMap<JobVersionView, RunView>();
        for (JobVersionView version : jobVersions) {
            RunView run = runs.get(version.latestRunId());
            if (run != null) {
                result.put(version, run);
            }
        }
        return result;
    }
}
