package io.tributary.marquez;

import io.tributary.access.WriteAccess;
import io.tributary.tag.Tags;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Marquez's tags: they are Tributary's tags set by hand (see {@link Tags}), beside those of the tags facet. Adding or
 * removing one answers the dataset or job as {@code GET} does; writes need the ingest key.
 */
@RestController
class MarquezTagController {

    private final Tags tags;
    private final MarquezRepository repository;

    MarquezTagController(Tags tags, MarquezRepository repository) {
        this.tags = tags;
        this.repository = repository;
    }

    /** {@code PUT /tags/{tag}}'s body. */
    record CreatedTag(String description) {}

    /** Marquez's {@code TagList}. */
    record TagList(List<Tags.Tag> tags) {}

    @GetMapping("/api/v1/tags")
    Mono<TagList> all() {
        return Blocking.read(() -> new TagList(tags.all()));
    }

    @WriteAccess
    @PutMapping("/api/v1/tags/{tag}")
    Mono<Tags.Tag> describe(@PathVariable String tag, @RequestBody(required = false) CreatedTag body) {
        return Blocking.read(() -> tags.describe(tag, body == null ? null : body.description()));
    }

    @WriteAccess
    @PostMapping("/api/v1/namespaces/{namespace}/datasets/{dataset}/tags/{tag}")
    Mono<Dataset> tagDataset(@PathVariable String namespace, @PathVariable String dataset, @PathVariable String tag) {
        return dataset(Tags.Kind.DATASET, namespace, dataset, null, tag, true);
    }

    @WriteAccess
    @DeleteMapping("/api/v1/namespaces/{namespace}/datasets/{dataset}/tags/{tag}")
    Mono<Dataset> untagDataset(@PathVariable String namespace, @PathVariable String dataset, @PathVariable String tag) {
        return dataset(Tags.Kind.DATASET, namespace, dataset, null, tag, false);
    }

    @WriteAccess
    @PostMapping("/api/v1/namespaces/{namespace}/datasets/{dataset}/fields/{field}/tags/{tag}")
    Mono<Dataset> tagField(
            @PathVariable String namespace,
            @PathVariable String dataset,
            @PathVariable String field,
            @PathVariable String tag) {
        return dataset(Tags.Kind.FIELD, namespace, dataset, field, tag, true);
    }

    @WriteAccess
    @DeleteMapping("/api/v1/namespaces/{namespace}/datasets/{dataset}/fields/{field}/tags/{tag}")
    Mono<Dataset> untagField(
            @PathVariable String namespace,
            @PathVariable String dataset,
            @PathVariable String field,
            @PathVariable String tag) {
        return dataset(Tags.Kind.FIELD, namespace, dataset, field, tag, false);
    }

    @WriteAccess
    @PostMapping("/api/v1/namespaces/{namespace}/jobs/{job}/tags/{tag}")
    Mono<Job> tagJob(@PathVariable String namespace, @PathVariable String job, @PathVariable String tag) {
        return job(namespace, job, tag, true);
    }

    @WriteAccess
    @DeleteMapping("/api/v1/namespaces/{namespace}/jobs/{job}/tags/{tag}")
    Mono<Job> untagJob(@PathVariable String namespace, @PathVariable String job, @PathVariable String tag) {
        return job(namespace, job, tag, false);
    }

    private Mono<Dataset> dataset(
            Tags.Kind kind, String namespace, String dataset, String field, String tag, boolean add) {
        return Blocking.read(() -> {
            tags.set(kind, namespace, dataset, field, tag, add);
            return repository.dataset(namespace, dataset);
        });
    }

    private Mono<Job> job(String namespace, String job, String tag, boolean add) {
        return Blocking.read(() -> {
            tags.set(Tags.Kind.JOB, namespace, job, null, tag, add);
            return repository.job(namespace, job);
        });
    }
}
