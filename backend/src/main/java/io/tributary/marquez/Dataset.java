package io.tributary.marquez;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Marquez's {@code Dataset}, field for field.
 *
 * @param type {@code DB_TABLE}, or {@code STREAM} for a dataset whose datasetType facet says TOPIC or STREAM
 * @param physicalName the name (OpenLineage has one name per dataset)
 * @param sourceName the dataSource facet's name, else the namespace (as Marquez does)
 * @param lastModifiedAt when a completed run last wrote the dataset
 * @param currentVersion its newest dataset version (the id of the run that wrote it, see {@code DatasetVersion}); for a
 *     dataset no run wrote, a name-based UUID of the dataset and its current schema (see {@link Versions})
 */
record Dataset(
        DatasetId id,
        String type,
        String name,
        String physicalName,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String namespace,
        String sourceName,
        List<Field> fields,
        List<String> tags,
        OffsetDateTime lastModifiedAt,
        String lastLifecycleState,
        String description,
        String currentVersion,
        Object columnLineage,
        Map<String, Object> facets,
        boolean deleted) {

    /** A column of the current schema. */
    record Field(String name, String type, List<String> tags, String description) {}

    /** {@code GET /namespaces/{namespace}/datasets}. */
    record Page(List<Dataset> datasets, long totalCount) {}
}
