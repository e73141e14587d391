package io.tributary.dataset;

import io.tributary.dataset.SchemaHistory.SchemaField;
import io.tributary.entity.DatasetVersionView;
import io.tributary.entity.DatasetView;
import io.tributary.entity.SourceRows;
import io.tributary.graphql.Connection;
import io.tributary.graphql.Cursors;
import io.tributary.store.DatasetKey;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import io.tributary.store.SchemaVersionKey;
import io.tributary.store.Unwrapped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Datasets' versions, newest first (one query for every dataset asked with the same page), and their schemas. */
@Repository
public class DatasetVersions {

    /** The arguments of {@code Dataset.versions}; datasets asked with equal arguments are paged in one query. */
    public record Page(int first, String after) {}

    /** One dataset's page of read/dataset/versions: its versions before ({@code upper}, {@code afterId}). */
    private record DatasetPage(@Unwrapped DatasetKey dataset, OffsetDateTime upper, String afterId) {}

    private record Pages(List<DatasetPage> pages, int limit) {}

    private record SchemaKeys(List<SchemaVersionKey> keys) {}

    private static final TypeReference<List<SchemaField>> FIELDS = new TypeReference<>() {};

    private final GraphStore store;
    private final JsonMapper json;

    DatasetVersions(GraphStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** A page of versions per dataset key. */
    public Map<DatasetKey, Connection<DatasetVersionView>> page(List<DatasetKey> datasets, Page page) {
        Cursors.Before before = Cursors.Before.after(page.after());
        List<DatasetPage> pages = datasets.stream()
                .map(key -> new DatasetPage(key, before.time(), before.id()))
                .toList();
        Map<DatasetKey, List<DatasetVersionView>> rows = store.read(
                "read/dataset/versions",
                Parameters.of(new Pages(pages, page.first() + 1)),
                SourceRows.byDataset(r -> DatasetVersionView.from(r.get("version"))));
        var connections = new HashMap<DatasetKey, Connection<DatasetVersionView>>();
        rows.forEach(
                (key, list) -> connections.put(key, Connection.of(list, page.first(), DatasetVersionView::cursor)));
        return SourceRows.perSource(datasets, k -> k, connections, Connection.empty());
    }

    Map<DatasetView, Connection<DatasetVersionView>> of(List<DatasetView> datasets, Page page) {
        var byKey = page(datasets.stream().map(DatasetView::key).toList(), page);
        return SourceRows.perSource(datasets, DatasetView::key, byKey, Connection.empty());
    }

    /** The fields of the schema each version names (none for a version without a schema, or one not kept). */
    Map<DatasetVersionView, List<SchemaField>> fields(List<DatasetVersionView> versions) {
        List<SchemaVersionKey> keys = versions.stream()
                .filter(v -> v.schemaHash() != null)
                .map(v -> new SchemaVersionKey(v.dataset(), v.schemaHash()))
                .distinct()
                .toList();
        Map<SchemaVersionKey, List<SchemaField>> byKey = keys.isEmpty()
                ? new HashMap<>()
                : store.read("read/dataset/version-schemas", Parameters.of(new SchemaKeys(keys)), result -> {
                    var found = new HashMap<SchemaVersionKey, List<SchemaField>>();
                    result.forEachRemaining(r -> found.put(
                            new SchemaVersionKey(
                                    SourceRows.dataset(r), r.get("hash").asString()),
                            json.readValue(r.get("fields").asString(), FIELDS)));
                    return found;
                });
        return SourceRows.perSource(
                versions,
                v -> v.schemaHash() == null ? null : new SchemaVersionKey(v.dataset(), v.schemaHash()),
                byKey,
                List.of());
    }
}
