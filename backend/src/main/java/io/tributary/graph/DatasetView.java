package io.tributary.graph;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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

    public Map<String, Object> key() {
        return Map.of("namespace", namespace, "name", name);
    }

    public static DatasetView from(Record r) {
        String sourceName = Values.string(r.get("dataSourceName"));
        String sourceUri = Values.string(r.get("dataSourceUri"));
        String layer = Values.string(r.get("storageLayer"));
        String format = Values.string(r.get("fileFormat"));
        return new DatasetView(
                r.get("namespace").asString(),
                r.get("name").asString(),
                Values.string(r.get("description")),
                Values.strings(r.get("owners")),
                Values.strings(r.get("tags")),
                Values.time(r.get("firstSeen")),
                Values.time(r.get("lastSeen")),
                sourceName == null && sourceUri == null ? null : new DataSource(sourceName, sourceUri),
                layer == null && format == null ? null : new Storage(layer, format),
                Values.string(r.get("lifecycleState")),
                Values.string(r.get("datasetType")),
                Values.time(r.get("deletedAt")));
    }
}
