package io.tributary.marquez;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Marquez's namespaces: {@code GET /api/v1/namespaces} and {@code /namespaces/{namespace}}. */
@RestController
class MarquezNamespaceController {

    private final MarquezRepository repository;

    MarquezNamespaceController(MarquezRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/api/v1/namespaces")
    Mono<Namespace.Page> namespaces(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        Paging page = Paging.of(limit, offset);
        return Blocking.read(() -> new Namespace.Page(repository.namespaces(page.limit(), page.offset())));
    }

    @GetMapping("/api/v1/namespaces/{namespace}")
    Mono<Namespace> namespace(@PathVariable String namespace) {
        return Blocking.read(() -> repository.namespace(namespace));
    }
}
