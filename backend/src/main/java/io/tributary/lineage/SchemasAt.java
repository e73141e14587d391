package io.tributary.lineage;

import io.tributary.store.DatasetKey;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dataset schemas as they stood at one past time, for one traversal: loaded in one query per level for the datasets
 * not seen yet, then cached. Schema versions store their fields as JSON ({@code [{path, type, description}]}), which
 * Cypher cannot read, hence this Java side. Thread-safe: both walks of a BOTH traversal share it.
 */
final class SchemasAt {

    private static final TypeReference<List<Column>> FIELDS = new TypeReference<>() {};

    /** A dataset's key. */
    /** A column of a stored schema (SchemaVersion.fields). */
    private record Column(String path, String type, String description) {}

    private record SchemasAsOf(List<DatasetKey> keys, OffsetDateTime asOf) {}

    private final GraphStore store;
    private final JsonMapper json;
    private final OffsetDateTime asOf;
    private final Map<DatasetKey, Optional<Map<String, String>>> byDataset = new ConcurrentHashMap<>();

    SchemasAt(GraphStore store, JsonMapper json, OffsetDateTime asOf) {
        this.store = store;
        this.json = json;
        this.asOf = asOf;
    }

    OffsetDateTime asOf() {
        return asOf;
    }

    /** Loads the schemas of those datasets that are not cached yet, in one query. */
    void load(Collection<DatasetKey> datasets) {
        List<DatasetKey> missing = datasets.stream()
                .distinct()
                .filter(d -> !byDataset.containsKey(d))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(key -> byDataset.put(key, Optional.empty()));
        store.read("read/lineage/schemas-as-of", Parameters.of(new SchemasAsOf(missing, asOf)), result -> {
            result.forEachRemaining(r -> byDataset.put(
                    new DatasetKey(r.get("namespace").asString(), r.get("name").asString()),
                    Optional.of(types(r.get("fields").asString()))));
            return null;
        });
    }

    /** Field path to type in the dataset's schema at that time; empty if it had none then (or was not loaded). */
    Optional<Map<String, String>> fields(DatasetKey dataset) {
        return byDataset.getOrDefault(dataset, Optional.empty());
    }

    /** Whether a field belonged to its dataset at that time: in the schema then, or when there was none. */
    boolean contains(DatasetKey dataset, String field) {
        return fields(dataset).map(f -> f.containsKey(field)).orElse(true);
    }

    /** The field's type in the schema of that time, else the given (current) type. */
    String type(DatasetKey dataset, String field, String current) {
        return fields(dataset).map(f -> f.get(field)).orElse(current);
    }

    private Map<String, String> types(String fieldsJson) {
        var types = new LinkedHashMap<String, String>();
        for (Column column : json.readValue(fieldsJson, FIELDS)) {
            types.put(column.path(), column.type());
        }
        return types;
    }
}
