package io.tributary.entity;

import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import java.time.OffsetDateTime;
import java.util.List;
import org.neo4j.driver.Record;

/**
 * A dataset as the GraphQL API shows it: identity and the properties of its standard facets stored on the node.
 *
 * @param dataSource from the dataSource facet, null without one
 * @param storage from the storage facet, null without one
 * @param lifecycleState the last lifecycleStateChange (CREATE, OVERWRITE, DROP, ...)
 * @param datasetType from the datasetType facet (TABLE, VIEW, TOPIC, ...)
 * @param deletedAt when the dataset was soft-deleted, null while it is live
 */
public record DatasetView(
        String namespace,
        String name,
        String description,
        List<String> owners,
        List<String> tags,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen,
        DataSource dataSource,
        Storage storage,
        String lifecycleState,
        String datasetType,
        OffsetDateTime deletedAt) {

    /** Where the dataset lives (dataSource facet). */
    public record DataSource(String name, String uri) {}

    /** How the dataset is stored (storage facet), e.g. iceberg / parquet. */
    public record Storage(String storageLayer, String fileFormat) {}

    public DatasetKey key() {
        return new DatasetKey(namespace, name);
    }

    public static DatasetView from(Record r) {
        String sourceName = DriverValues.string(r.get("dataSourceName"));
        String sourceUri = DriverValues.string(r.get("dataSourceUri"));
        String layer = DriverValues.string(r.get("storageLayer"));
        String format = DriverValues.string(r.get("fileFormat"));
        return new DatasetView(
                r.get("namespace").asString(),
                r.get("name").asString(),
                DriverValues.string(r.get("description")),
                DriverValues.strings(r.get("owners")),
                DriverValues.strings(r.get("tags")),
                DriverValues.time(r.get("firstSeen")),
                DriverValues.time(r.get("lastSeen")),
                sourceName == null && sourceUri == null ? null : new DataSource(sourceName, sourceUri),
                layer == null && format == null ? null : new Storage(layer, format),
                DriverValues.string(r.get("lifecycleState")),
                DriverValues.string(r.get("datasetType")),
                DriverValues.time(r.get("deletedAt")));
    }
}
