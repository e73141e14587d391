package io.tributary.marquez;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Marquez's {@code DatasetVersion}, field for field: one version of a dataset, what one run wrote to it.
 *
 * @param version the id of the run that wrote it (a UUID, unique within the dataset)
 * @param createdAt when that run ended, or its latest event while it runs
 * @param fields the schema the run reported for the dataset (none if it sent none)
 * @param facets the writer's statistics and datasetVersion facet value; Tributary keeps no other per-version facets
 */
record DatasetVersion(
        Run.DatasetVersionId id,
        String type,
        String name,
        String physicalName,
        OffsetDateTime createdAt,
        String version,
        String namespace,
        String sourceName,
        List<Dataset.Field> fields,
        List<String> tags,
        String lifecycleState,
        String description,
        Run createdByRun,
        Map<String, Object> facets) {

    /** {@code GET /namespaces/{namespace}/datasets/{dataset}/versions}. */
    record Page(List<DatasetVersion> versions, long totalCount) {}
}
