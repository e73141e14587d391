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

    MarquezDatasetController(MarquezRepository repository) {
        this.repository = repository;
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
}
