package io.tributary.lifecycle;

import io.tributary.access.WriteAccess;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Soft deletes over REST, shaped like Marquez's ({@code DELETE /api/v1/namespaces/{namespace}/datasets/{name}}); a name
 * with slashes is sent percent-encoded ({@code %2F}). Needs an ingest key.
 */
@RestController
@WriteAccess
class DeletionEndpoints {

    private final Deletions deletions;

    DeletionEndpoints(Deletions deletions) {
        this.deletions = deletions;
    }

    @DeleteMapping("/api/v1/namespaces/{namespace}/datasets/{name}")
    Mono<Deletions.Deletion> deleteDataset(@PathVariable String namespace, @PathVariable String name) {
        return Mono.fromCallable(() -> deletions.dataset(namespace, name)).subscribeOn(Schedulers.boundedElastic());
    }

    @DeleteMapping("/api/v1/namespaces/{namespace}/jobs/{name}")
    Mono<Deletions.Deletion> deleteJob(@PathVariable String namespace, @PathVariable String name) {
        return Mono.fromCallable(() -> deletions.job(namespace, name)).subscribeOn(Schedulers.boundedElastic());
    }
}
