package io.tributary.marquez;

import java.time.OffsetDateTime;
import java.util.List;

/** Marquez's {@code SearchResult}: a job or dataset whose name matched. */
record SearchResult(String type, String name, OffsetDateTime updatedAt, String namespace, String nodeId) {

    /** {@code GET /search}. */
    record Page(long totalCount, List<SearchResult> results) {}
}
