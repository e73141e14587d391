package io.tributary.entity;

import io.tributary.graphql.Cursors;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import java.time.OffsetDateTime;
import org.neo4j.driver.Value;

/**
 * One version of a dataset: what one run wrote to it. Its id is the writing run's id, unique within the dataset (a
 * run writes a dataset once, however many events report it), which is also the version Marquez's API names.
 *
 * @param createdAt when the writing run ended, or its latest event while it runs
 * @param datasetVersion the value of the {@code version} facet the writer reported (e.g. an Iceberg snapshot id)
 * @param schemaHash the hash of the schema the writer reported for the dataset, or null when it sent none
 */
public record DatasetVersionView(
        String namespace,
        String name,
        String runId,
        OffsetDateTime createdAt,
        String datasetVersion,
        String schemaHash,
        Long rowCount,
        Long bytes,
        Long fileCount) {

    public DatasetKey dataset() {
        return new DatasetKey(namespace, name);
    }

    public String id() {
        return runId;
    }

    public String cursor() {
        return Cursors.of(createdAt, runId);
    }

    /** From a {@code v {.namespace, .dataset, .runId, ...}} projection; null for a null value. */
    public static DatasetVersionView from(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return new DatasetVersionView(
                v.get("namespace").asString(),
                v.get("dataset").asString(),
                v.get("runId").asString(),
                DriverValues.time(v.get("createdAt")),
                DriverValues.string(v.get("datasetVersion")),
                DriverValues.string(v.get("schemaHash")),
                DriverValues.number(v.get("rowCount")),
                DriverValues.number(v.get("bytes")),
                DriverValues.number(v.get("fileCount")));
    }
}
