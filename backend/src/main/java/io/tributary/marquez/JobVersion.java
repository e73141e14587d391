package io.tributary.marquez;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Marquez's {@code JobVersion}, field for field, from a {@code (:JobVersion)}: what defines it (its input and output
 * datasets) and its latest run. Tributary keeps no version context (Marquez's pre-OpenLineage API), so it is empty.
 *
 * @param version the id Marquez clients use (see {@link Versions#jobVersion})
 * @param createdAt the first event of the version's runs
 * @param location the sourceCodeLocation facet's url, from the job facets of the version's latest run
 * @param facets the job facets of the version's latest run (source code only where exposed)
 */
record JobVersion(
        Run.JobVersionId id,
        String name,
        String version,
        OffsetDateTime createdAt,
        String namespace,
        List<DatasetId> inputs,
        List<DatasetId> outputs,
        String location,
        Map<String, String> context,
        Run latestRun,
        Map<String, Object> facets) {

    /** {@code GET /namespaces/{namespace}/jobs/{job}/versions}. */
    record Page(List<JobVersion> versions, long totalCount) {}
}
