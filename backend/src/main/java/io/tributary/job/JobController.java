package io.tributary.job;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import io.tributary.entity.StoredFacets;
import io.tributary.store.JobKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Job type: identity, facets, source code, latest run, current inputs and outputs, parent and child jobs. */
@Controller
class JobController {

    private final EntityLookup lookup;
    private final LatestRuns latestRuns;
    private final SourceCodes sourceCodes;
    private final StoredFacets facets;
    private final SourceCodePolicy policy;

    JobController(
            EntityLookup lookup,
            LatestRuns latestRuns,
            SourceCodes sourceCodes,
            StoredFacets facets,
            SourceCodePolicy policy) {
        this.lookup = lookup;
        this.latestRuns = latestRuns;
        this.sourceCodes = sourceCodes;
        this.facets = facets;
        this.policy = policy;
    }

    @QueryMapping
    JobView job(@Argument String namespace, @Argument String name) {
        return lookup.jobs(List.of(new JobKey(namespace, name))).values().stream()
                .findFirst()
                .orElse(null);
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, List<DatasetView>> inputs(List<JobView> jobs) {
        return lookup.datasetsOf("read/job/inputs", jobs);
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, List<DatasetView>> outputs(List<JobView> jobs) {
        return lookup.datasetsOf("read/job/outputs", jobs);
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, JobView> parent(List<JobView> jobs) {
        var parents = lookup.relatedJobs("read/job/parents", jobs);
        var result = new HashMap<JobView, JobView>();
        parents.forEach((job, list) -> {
            if (!list.isEmpty()) {
                result.put(job, list.getFirst());
            }
        });
        return result;
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, List<JobView>> children(List<JobView> jobs) {
        return lookup.relatedJobs("read/job/children", jobs);
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, SourceCodes.SourceCode> sourceCode(List<JobView> jobs) {
        return sourceCodes.of(jobs);
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, Map<String, Object>> facets(List<JobView> jobs) {
        var stored = facets.jobs(jobs);
        stored.replaceAll((job, facetsOfJob) -> policy.jobFacets(facetsOfJob));
        return stored;
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, RunView> latestRun(List<JobView> jobs) {
        Map<JobKey, String> runIds =
                latestRuns.of(jobs.stream().map(JobView::key).toList());
        Map<String, RunView> runs = lookup.runs(runIds.values());
        var result = new LinkedHashMap<JobView, RunView>();
        for (JobView job : jobs) {
            RunView run = runs.get(runIds.get(job.key()));
            if (run != null) {
                result.put(job, run);
            }
        }
        return result;
    }
}
