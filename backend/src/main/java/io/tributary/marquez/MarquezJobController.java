package io.tributary.marquez;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Marquez's jobs and runs: a namespace's jobs, all jobs by their latest run's state, a job's versions and runs, one
 * run.
 */
@RestController
class MarquezJobController {

    private static final Set<String> RUN_STATES = Set.of("NEW", "RUNNING", "COMPLETED", "FAILED", "ABORTED");

    private final MarquezRepository repository;
    private final MarquezJobVersions versions;

    MarquezJobController(MarquezRepository repository, MarquezJobVersions versions) {
        this.repository = repository;
        this.versions = versions;
    }

    @GetMapping("/api/v1/namespaces/{namespace}/jobs")
    Mono<Job.Page> jobs(
            @PathVariable String namespace,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Paging page = Paging.of(limit, offset);
        return Blocking.read(() -> repository.jobs(namespace, null, page.limit(), page.offset()));
    }

    /**
     * Every job, optionally only those whose latest run is in one of the states ({@code lastRunStates}, repeated or
     * comma-separated, as Marquez takes it; {@code runState} too).
     */
    @GetMapping("/api/v1/jobs")
    Mono<Job.Page> allJobs(
            @RequestParam(required = false) List<String> lastRunStates,
            @RequestParam(required = false) List<String> runState,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Paging page = Paging.of(limit, offset);
        List<String> states = states(lastRunStates, runState);
        return Blocking.read(() -> repository.jobs(null, states, page.limit(), page.offset()));
    }

    @GetMapping("/api/v1/namespaces/{namespace}/jobs/{job}")
    Mono<Job> job(@PathVariable String namespace, @PathVariable String job) {
        return Blocking.read(() -> repository.job(namespace, job));
    }

    /** The job's versions, newest first. */
    @GetMapping("/api/v1/namespaces/{namespace}/jobs/{job}/versions")
    Mono<JobVersion.Page> versions(
            @PathVariable String namespace,
            @PathVariable String job,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Paging page = Paging.of(limit, offset);
        return Blocking.read(() -> versions.versions(namespace, job, page.limit(), page.offset()));
    }

    @GetMapping("/api/v1/namespaces/{namespace}/jobs/{job}/versions/{version}")
    Mono<JobVersion> version(@PathVariable String namespace, @PathVariable String job, @PathVariable String version) {
        return Blocking.read(() -> versions.version(namespace, job, version));
    }

    @GetMapping("/api/v1/namespaces/{namespace}/jobs/{job}/runs")
    Mono<Run.Page> runs(
            @PathVariable String namespace,
            @PathVariable String job,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Paging page = Paging.of(limit, offset);
        return Blocking.read(() -> repository.runs(namespace, job, page.limit(), page.offset()));
    }

    @GetMapping("/api/v1/jobs/runs/{id}")
    Mono<Run> run(@PathVariable String id) {
        return Blocking.read(() -> repository.run(id));
    }

    /** The run facets ({@code type=run}, the default) or job facets ({@code type=job}) of all a run's events. */
    @GetMapping("/api/v1/jobs/runs/{id}/facets")
    Mono<Run.Facets> facets(@PathVariable String id, @RequestParam(defaultValue = "run") String type) {
        boolean job = switch (type.toLowerCase(Locale.ROOT)) {
            case "run" -> false;
            case "job" -> true;
            default -> throw new IllegalArgumentException("type must be 'run' or 'job', was '" + type + "'");
        };
        return Blocking.read(() -> repository.runFacets(id, job));
    }

    private static List<String> states(List<String> lastRunStates, List<String> runState) {
        var states = new ArrayList<String>();
        for (List<String> given : new List[] {lastRunStates, runState}) {
            if (given == null) {
                continue;
            }
            for (String value : given) {
                for (String state : value.split(",")) {
                    String s = state.strip().toUpperCase(Locale.ROOT);
                    if (s.isEmpty()) {
                        continue;
                    }
                    if (!RUN_STATES.contains(s)) {
                        throw new IllegalArgumentException("Unknown run state '" + state + "'; expected one of "
                                + String.join(", ", RUN_STATES.stream().sorted().toList()));
                    }
                    states.add(s);
                }
            }
        }
        return states.isEmpty() ? null : List.copyOf(states);
    }
}
