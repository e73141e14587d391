package io.tributary.lineage;

import io.tributary.lineage.ColumnLineageGraph.Transformation;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import io.tributary.store.Unwrapped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The field graph ({@code FEEDS} edges) as the traversal sees it: start fields and one query per level. */
@Repository
class ColumnHops {

    /** A field by its dataset and name, as statements take it. */
    private record FieldOf(@Unwrapped DatasetKey dataset, String field) {}

    /** A field while walking. */
    record Field(String namespace, String dataset, String field, String type) {
        static final Comparator<Field> ORDER = Comparator.comparing(Field::namespace)
                .thenComparing(Field::dataset)
                .thenComparing(Field::field);

        String id() {
            return NodeId.field(namespace, dataset, field);
        }

        DatasetKey datasetKey() {
            return new DatasetKey(namespace, dataset);
        }
    }

    private final GraphStore store;
    private final JsonMapper json;

    ColumnHops(GraphStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Runs a walk's level queries in one read transaction (one session, one snapshot). */
    <T> T inOneTransaction(java.util.function.Function<GraphStore.Reads, T> walk) {
        return store.readTransaction(walk);
    }

    /** Schemas at a past time for one traversal; null for the current graph. */
    SchemasAt schemasAt(OffsetDateTime asOf) {
        return asOf == null ? null : new SchemasAt(store, json, asOf);
    }

    /**
     * The start fields: the field itself, or a dataset's fields (its current schema; at a past time, its schema then,
     * or without one then, the fields first seen by then). NOT_FOUND when the node does not exist (yet).
     */
    Map<String, Field> start(NodeRef ref, SchemasAt schemas) {
        OffsetDateTime asOf = schemas == null ? null : schemas.asOf();
        var dataset = new DatasetKey(ref.namespace(), ref.name());
        if (schemas != null) {
            schemas.load(List.of(dataset));
        }
        if (ref.kind() == NodeKind.FIELD) {
            List<Record> rows =
                    store.read("read/lineage/field", Parameters.of(new FieldOf(dataset, ref.field())), r -> r.list());
            if (rows.isEmpty()) {
                throw new NodeNotFoundException(ref);
            }
            Record f = rows.getFirst();
            if (schemas != null && !existedAt(schemas, dataset, ref.field(), f.get("firstSeen"))) {
                throw new NodeNotFoundException(ref, asOf);
            }
            return Map.of(
                    f.get("id").asString(), field(dataset, ref.field(), DriverValues.string(f.get("type")), schemas));
        }
        if (ref.kind() != NodeKind.DATASET) {
            throw new IllegalArgumentException("columnLineage starts from a DATASET or a FIELD, not a " + ref.kind());
        }
        List<Record> rows = store.read("read/lineage/dataset-fields", Parameters.of(dataset), r -> r.list());
        if (rows.isEmpty()) {
            throw new NodeNotFoundException(ref);
        }
        NodeNotFoundException.requireExistedAt(ref, rows.getFirst().get("firstSeen"), asOf);
        var fields = new LinkedHashMap<>(fieldsOf(rows.getFirst(), schemas));
        // The columns of the dataset's other names too (the table name may carry no schema while its path does); the
        // walk's identity step makes same-named ones one node, under this dataset's name first.
        List<Record> aliases =
                store.read("read/lineage/symlinked-dataset-fields", Parameters.of(dataset), r -> r.list());
        if (schemas != null && !aliases.isEmpty()) {
            schemas.load(aliases.stream()
                    .map(a -> new DatasetKey(
                            a.get("namespace").asString(), a.get("name").asString()))
                    .toList());
        }
        aliases.forEach(alias -> fields.putAll(fieldsOf(alias, schemas)));
        return fields;
    }

    /** The current fields of every dataset a job writes: the columns a change of the job reaches first. */
    Map<String, Field> outputFields(NodeRef job) {
        List<Record> rows = store.read(
                "read/lineage/job-output-fields",
                Parameters.of(new JobKey(job.namespace(), job.name())),
                r -> r.list());
        var fields = new LinkedHashMap<String, Field>();
        rows.forEach(row -> fields.putAll(fieldsOf(row, null)));
        return fields;
    }

    private Map<String, Field> fieldsOf(Record row, SchemasAt schemas) {
        var dataset =
                new DatasetKey(row.get("namespace").asString(), row.get("name").asString());
        Value version = row.get("schemaVersion");
        var fields = new LinkedHashMap<String, Field>();
        for (Value f : row.get("fields").values()) {
            String name = f.get("field").asString();
            boolean keep = schemas != null
                    ? existedAt(schemas, dataset, name, f.get("firstSeen"))
                    : version.isNull()
                            || Objects.equals(DriverValues.string(f.get("schemaVersion")), version.asString());
            if (keep) {
                fields.put(f.get("id").asString(), field(dataset, name, DriverValues.string(f.get("type")), schemas));
            }
        }
        return fields;
    }

    /** In the dataset's schema at that time; with no schema then, first seen by then. */
    private static boolean existedAt(SchemasAt schemas, DatasetKey dataset, String field, Value firstSeen) {
        if (schemas.fields(dataset).isPresent()) {
            return schemas.contains(dataset, field);
        }
        OffsetDateTime first = DriverValues.time(firstSeen);
        return first != null && !first.isAfter(schemas.asOf());
    }

    private static Field field(DatasetKey dataset, String name, String type, SchemasAt schemas) {
        String shown = schemas == null ? type : schemas.type(dataset, name, type);
        return new Field(dataset.namespace(), dataset.name(), name, shown);
    }

    /**
     * Expands frontiers one level. At a past time the query applies first-seen and run rules; this side then keeps
     * only derivations whose output field was in its dataset's schema then, and shows types of that schema.
     */
    Bfs.Expander<Field, Transformation> expander(
            GraphStore.Reads reads, boolean downstream, SchemasAt schemas, Consumer<String> named) {
        String statement =
                "read/lineage/column-" + (downstream ? "downstream" : "upstream") + (schemas == null ? "" : "-as-of");
        return (frontier, exclude, limit) -> {
            var expansion = new Expansion(
                    frontier,
                    exclude,
                    // Rows are filtered below at a past time, so a probe must see them all to find one that qualifies.
                    schemas == null ? limit : Integer.MAX_VALUE,
                    schemas == null ? null : schemas.asOf(),
                    null);
            List<Record> rows = reads.read(statement, Parameters.of(expansion), r -> r.list());
            if (schemas != null) {
                var datasets = new ArrayList<DatasetKey>();
                rows.forEach(r -> {
                    datasets.add(new DatasetKey(
                            r.get("namespace").asString(), r.get("dataset").asString()));
                    datasets.add(new DatasetKey(
                            r.get("outputNamespace").asString(),
                            r.get("outputDataset").asString()));
                });
                schemas.load(datasets);
            }
            var hops = new ArrayList<Bfs.Hop<Field, Transformation>>(rows.size());
            for (Record r : rows) {
                if (schemas != null
                        && !schemas.contains(
                                new DatasetKey(
                                        r.get("outputNamespace").asString(),
                                        r.get("outputDataset").asString()),
                                r.get("outputField").asString())) {
                    continue;
                }
                var far = new DatasetKey(
                        r.get("namespace").asString(), r.get("dataset").asString());
                String subtype = DriverValues.string(r.get("subtype"));
                if (r.get("named").asBoolean()) {
                    named.accept(r.get("far").asString());
                }
                hops.add(new Bfs.Hop<>(
                        r.get("near").asString(),
                        r.get("far").asString(),
                        field(far, r.get("field").asString(), DriverValues.string(r.get("type")), schemas),
                        new Transformation(
                                r.get("transformation").asString(),
                                subtype == null || subtype.isEmpty() ? null : subtype,
                                DriverValues.string(r.get("description")),
                                DriverValues.bool(r.get("masking")))));
            }
            return hops;
        };
    }
}
