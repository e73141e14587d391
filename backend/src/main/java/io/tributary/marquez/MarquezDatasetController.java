package io.tributary.marquez;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Marquez's datasets of a namespace. A name with slashes comes percent-encoded ({@code %2F}), as Marquez's UI sends
 * it. Deletes are {@code lifecycle}'s soft deletes at the same paths.
 */
@RestController
class MarquezDatasetController {

    private final MarquezRepository repository;
    private final MarquezDatasetVersions versions;

    MarquezDatasetController(MarquezRepository repository, MarquezDatasetVersions versions) {
        this.repository = repository;
        this.versions = versions;
    }

    @GetMapping("/api/v1/namespaces/{namespace}/datasets")
    Mono<Dataset.Page> datasets(
            @PathVariable String namespace,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Paging page = Paging.of(limit, offset);
        return Blocking.read(() -> repository.datasets(namespace, page.limit(), page.offset()));
    }

    @GetMapping("/api/v1/namespaces/{namespace}/datasets/{dataset}")
    Mono<Dataset> dataset(@PathVariable String namespace, @PathVariable String dataset) {
        return Blocking.read(() -> repository.dataset(namespace, dataset));
    }

    @GetMapping("/api/v1/namespaces/{namespace}/datasets/{dataset}/versions")
    Mono<DatasetVersion.Page> versions(
            @PathVariable String namespace,
            @PathVariable String dataset,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Paging page = Paging.of(limit, offset);
        return Blocking.read(() -> versions.versions(namespace, dataset, page.limit(), page.offset()));
    }

    @GetMapping("/api/v1/namespaces/{namespace}/datasets/{dataset}/versions/{version}")
    Mono<DatasetVersion> version(
            @PathVariable String namespace, @PathVariable String dataset, @PathVariable String version) {
        return Blocking.read(() -> versions.version(namespace, dataset, version));
    }

    /**
     * Upstream run lineage: the runs that wrote the dataset versions the run read, and onward; a depth beyond 50 is
     * capped, as for {@code /lineage}.
     */
    @GetMapping({"/api/v1/runlineage/upstream", "/api/v1/runlineage/upstream/"})
    Mono<RunLineage> runLineageUpstream(
            @RequestParam String runId,
            @RequestParam(defaultValue = "20") int depth,
            @RequestParam(defaultValue = "1000") int maxNodes) {
        return Blocking.read(() -> versions.upstream(runId, depth, maxNodes));
    }
}
