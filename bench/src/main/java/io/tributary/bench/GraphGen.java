package io.tributary.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.neo4j.driver.Driver;

/**
 * A layered lineage graph like a warehouse of DAG stacks: {@code LAYERS} layers of {@code width} datasets, and between
 * two layers {@code width} jobs. Job (i,k) reads datasets (i,k), (i,k+1) and (i,7k+3) (fan-in, and diamonds since
 * neighbours share inputs) and writes (i+1,k) and (i+1,k+width/2) (fan-out). Every dataset has {@link #FIELDS} fields;
 * each job feeds the fields of its first output from the same-named fields of its first input, plus field 0 from its
 * second input. Every job has one completed run. Datasets are written with their schema as ingest leaves it (see
 * generate/datasets.cypher). Nodes: about 7 per (layer, column): dataset, its schema, job, run, 3 fields; the width is
 * still taken at 6 per column (the schema node is not traversed), so the graph's shape, and the traversal figures, stay
 * those of earlier rounds for a given {@code bench.nodes}.
 */
final class GraphGen {

    /**
     * 40 layers (width 4,166 at 1M nodes): impact's 50 hops cover 25 layers, so a start that really has ~100k datasets
     * and jobs downstream needs layers wider than 2,000 columns (100 layers of 1,666 allowed at most ~83k).
     */
    static final int LAYERS = 40;

    static final int FIELDS = 3;
    static final String DATASET_NS = "warehouse";
    static final String JOB_NS = "bench-airflow";
    private static final int BATCH = 2_000;
    // The SchemaVersion snapshot every generated dataset shares, in write.SchemaJson's format.
    private static final String SCHEMA = IntStream.range(0, FIELDS)
            .mapToObj(f -> "{\"path\":\"col_" + f + "\",\"type\":\"string\",\"description\":null}")
            .collect(Collectors.joining(",", "[", "]"));

    final int width;
    private final Driver driver;
    private final OffsetDateTime time = OffsetDateTime.parse("2026-03-01T00:00:00Z");
    private final String version = "2026-03-01T00:00:00.000000000|5|bench";

    GraphGen(Driver driver, int nodes) {
        this.driver = driver;
        this.width = Math.max(10, nodes / (6 * LAYERS));
    }

    static String dataset(int layer, int k) {
        return String.format("bench.l%03d.t%06d", layer, k);
    }

    static String job(int layer, int k) {
        return String.format("dag_%03d.task_%06d", layer, k);
    }

    private int col(long k) {
        return (int) Math.floorMod(k, (long) width);
    }

    /** Writes the graph; returns the number of nodes created. */
    long generate() {
        long nodes = 0;
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < LAYERS; i++) {
            for (int k = 0; k < width; k++) {
                var fields = new ArrayList<Map<String, Object>>();
                for (int f = 0; f < FIELDS; f++) {
                    fields.add(Map.of("name", "col_" + f, "position", f, "searchText", "col " + f));
                }
                String name = dataset(i, k);
                rows.add(Map.of(
                        "namespace", DATASET_NS,
                        "name", name,
                        "searchText", name.replace('.', ' ') + " " + DATASET_NS,
                        "owners", List.of("team-" + (k % 20)),
                        "fields", fields));
                nodes += 2 + FIELDS;
                rows = flush("datasets", rows, false);
            }
        }
        flush("datasets", rows, true);
        rows = new ArrayList<>();
        var writes = new ArrayList<Map<String, Object>>();
        var feeds = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < LAYERS - 1; i++) {
            for (int k = 0; k < width; k++) {
                String name = job(i, k);
                var reads = new ArrayList<Map<String, Object>>();
                for (int in : List.of(k, col(k + 1), col(7L * k + 3)).stream()
                        .distinct()
                        .toList()) {
                    reads.add(Map.of("namespace", DATASET_NS, "name", dataset(i, in)));
                }
                rows.add(Map.of(
                        "namespace", JOB_NS,
                        "name", name,
                        "searchText", name.replace('.', ' ') + " " + JOB_NS,
                        "runId",
                                UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                                        .toString(),
                        "reads", reads));
                nodes += 2;
                for (int out :
                        List.of(k, col(k + width / 2L)).stream().distinct().toList()) {
                    writes.add(Map.of(
                            "jobNamespace",
                            JOB_NS,
                            "jobName",
                            name,
                            "namespace",
                            DATASET_NS,
                            "name",
                            dataset(i + 1, out)));
                }
                for (int f = 0; f < FIELDS; f++) {
                    feeds.add(feed(dataset(i, k), dataset(i + 1, k), f, name));
                }
                feeds.add(feed(dataset(i, col(k + 1)), dataset(i + 1, k), 0, name));
                if (rows.size() >= BATCH) {
                    // Jobs first: the WRITES rows match the jobs they start from.
                    rows = flush("jobs", rows, true);
                    writes = flush("writes", writes, true);
                    feeds = flush("feeds", feeds, true);
                }
            }
        }
        flush("jobs", rows, true);
        flush("writes", writes, true);
        flush("feeds", feeds, true);
        return nodes;
    }

    private static Map<String, Object> feed(String from, String to, int field, String job) {
        var row = new HashMap<String, Object>();
        row.put("namespace", DATASET_NS);
        row.put("from", from);
        row.put("to", to);
        row.put("field", "col_" + field);
        row.put("jobNamespace", JOB_NS);
        row.put("jobName", job);
        return row;
    }

    private ArrayList<Map<String, Object>> flush(String statement, ArrayList<Map<String, Object>> rows, boolean last) {
        if (rows.isEmpty() || (!last && rows.size() < BATCH)) {
            return rows;
        }
        String cypher = resource("/generate/" + statement + ".cypher");
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(
                    tx -> tx.run(cypher, Map.of("rows", rows, "time", time, "version", version, "schema", SCHEMA))
                            .consume());
        }
        return new ArrayList<>();
    }

    /**
     * Brings a kept store generated before datasets.cypher wrote schemas by hash to what it writes now; returns the
     * number of datasets converted (0 on a current store). Auto-commit: the statement batches its own transactions.
     */
    long repairSchemas() {
        try (var session = driver.session()) {
            return session.run(resource("/generate/repair-schemas.cypher"), Map.of("schema", SCHEMA))
                    .consume()
                    .counters()
                    .relationshipsCreated();
        }
    }

    static String resource(String path) {
        try (var in = GraphGen.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
