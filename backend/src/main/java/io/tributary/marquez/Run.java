package io.tributary.marquez;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Marquez's {@code Run}, field for field. Tributary keeps no run arguments or context (Marquez's own API for them
 * predates OpenLineage), so those are empty.
 *
 * @param createdAt when the run started, or its first event
 * @param updatedAt when it ended, else when it started
 * @param facets the run facets of all its events, later ones overriding earlier ones
 */
record Run(
        String id,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime nominalStartTime,
        OffsetDateTime nominalEndTime,
        String state,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        Long durationMs,
        Map<String, String> args,
        JobVersionId jobVersion,
        List<DatasetVersion> inputDatasetVersions,
        List<DatasetVersion> outputDatasetVersions,
        Map<String, String> context,
        Map<String, Object> facets) {

    /** The version of the job a run ran. */
    record JobVersionId(String namespace, String name, String version) {}

    /** A dataset version a run read or wrote. */
    record DatasetVersion(DatasetVersionId datasetVersionId, Map<String, String> facets) {}

    /** A dataset version's id. */
    record DatasetVersionId(String namespace, String name, String version) {}

    /** {@code GET /namespaces/{namespace}/jobs/{job}/runs}. */
    record Page(List<Run> runs, long totalCount) {}

    /** {@code GET /jobs/runs/{id}/facets}. */
    record Facets(String runId, Map<String, Object> facets) {}
}
