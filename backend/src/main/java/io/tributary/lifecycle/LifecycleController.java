package io.tributary.lifecycle;

import java.time.OffsetDateTime;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL mutations; their write-key check is {@code access/GraphQlAccess}. */
@Controller
class LifecycleController {

    private final Deletions deletions;
    private final EventPurge purge;

    LifecycleController(Deletions deletions, EventPurge purge) {
        this.deletions = deletions;
        this.purge = purge;
    }

    @MutationMapping
    Deletions.Deletion deleteDataset(@Argument String namespace, @Argument String name) {
        return deletions.dataset(namespace, name);
    }

    @MutationMapping
    Deletions.Deletion deleteJob(@Argument String namespace, @Argument String name) {
        return deletions.job(namespace, name);
    }

    @MutationMapping
    Purge purgeEvents(@Argument OffsetDateTime before) {
        OffsetDateTime cutoff = before != null ? before : purge.configuredCutoff();
        if (cutoff == null) {
            throw new IllegalArgumentException(
                    "Give before, or configure a retention (TRIBUTARY_RETENTION_EVENTS, e.g. P90D)");
        }
        return new Purge(cutoff, purge.purgeBefore(cutoff));
    }

    record Purge(OffsetDateTime before, long purged) {}
}
