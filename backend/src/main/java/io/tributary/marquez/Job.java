package io.tributary.marquez;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Marquez's {@code Job}, field for field.
 *
 * @param type {@code BATCH}, or {@code STREAM} for a job whose jobType facet says STREAMING
 * @param simpleName the name after its last dot (Airflow tasks are {@code dag.task})
 * @param location the sourceCodeLocation facet's url
 * @param latestRuns the latest run alone (Marquez lists up to 10; the UI reads the first)
 * @param currentVersion the id of the job's current version (see {@link Versions#jobVersion}): that of its newest
 *     completed run's version, which current lineage follows; null before any run ended
 */
record Job(
        DatasetId id,
        String type,
        String name,
        String simpleName,
        String parentJobName,
        String parentJobUuid,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String namespace,
        List<DatasetId> inputs,
        List<DatasetId> outputs,
        String location,
        String description,
        Run latestRun,
        List<Run> latestRuns,
        Map<String, Object> facets,
        String currentVersion,
        List<String> labels,
        List<String> tags) {

    /** {@code GET /namespaces/{namespace}/jobs} and {@code GET /jobs}. */
    record Page(List<Job> jobs, long totalCount) {}
}
