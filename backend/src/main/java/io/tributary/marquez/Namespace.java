package io.tributary.marquez;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Marquez's {@code Namespace}. Tributary keeps no owner or description of a namespace, so {@code ownerName} and
 * {@code description} are null; its times are the first and last time anything in it was seen.
 */
record Namespace(
        String name,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String ownerName,
        String description,
        boolean isHidden) {

    /** {@code GET /namespaces}. */
    record Page(List<Namespace> namespaces) {}
}
