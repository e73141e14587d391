package io.tributary.lineage;

import static io.tributary.lineage.TestEvents.columnLineage;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.lineage.ColumnHops.Field;
import io.tributary.lineage.index.LineageIndex;
import io.tributary.testing.EndToEndTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Column walks on the lineage index answer as the Cypher column walks do (their oracle): on seeded random graphs whose
 * jobs derive output columns from their inputs (and from datasets named only in the facet), with several
 * transformations per pair, descriptions and masking, schemas that change on a rerun (fields left out of the current
 * schema), reruns reading and writing other datasets (derivations only an earlier version reported), symlink groups
 * (same-named columns under several names) and soft-deleted datasets and jobs. Compared from every dataset and from
 * single fields, each direction, several depths and node caps, and for the walk impact analysis runs; first on the
 * index as the projector patched it while the graphs were ingested, then on the index loaded again.
 */
class ColumnIndexEquivalenceTest extends EndToEndTest {

    private static final int SEEDS = 3;
    private static final int DATASETS = 16;
    private static final int JOBS = 14;
    private static final List<String> COLUMNS = List.of("id", "name", "amount", "day", "region");
    private static final List<int[]> CAPS = List.of(
            new int[] {0, 1000}, new int[] {1, 1000}, new int[] {10, 1000}, new int[] {10, 5}, new int[] {3, 12});

    @Autowired
    LineageIndex index;

    @Autowired
    ColumnLineage columnLineage;

    @Autowired
    ColumnHops columnHops;

    /** What the comparisons met, so that a test on graphs without the hard cases cannot pass. */
    private final Map<String, Integer> met = new HashMap<>();

    /**
     * The Cypher walks' answers of the first pass, for the second: loading the index again changes nothing in the
     * database, so the oracle is asked once per walk (its walks are most of the test's time).
     */
    private final Map<String, Object> oracle = new HashMap<>();

    @AfterEach
    void dropIndex() {
        index.unload();
    }

    @Test
    void columnWalksOnTheIndexAnswerAsCypherOnRandomGraphs() {
        index.load();
        var starts = new ArrayList<NodeRef>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            starts.addAll(seed(seed));
        }
        awaitProjection();
        // The hard cases are in the graphs: derivations only an earlier version reported, fields out of the current
        // schema, deleted datasets and jobs.
        assertThat(count("MATCH (s:Field)-[e:FEEDS]->() WHERE EXISTS { MATCH (:Job {namespace: e.jobNamespace,"
                        + " name: e.jobName})-[h:WRITES|READ_BY]-(:Dataset) WHERE h.history } RETURN count(e) AS n"))
                .isPositive();
        assertThat(count("MATCH (d:Dataset)-[:HAS_FIELD]->(f) WHERE f.schemaVersion <> d.schemaVersion"
                        + " RETURN count(f) AS n"))
                .isPositive();
        assertThat(count("MATCH (n) WHERE n.deleted IS NOT NULL RETURN count(n) AS n"))
                .isPositive();

        compareAll(starts);
        index.load();
        compareAll(starts);

        assertThat(met.getOrDefault("walks", 0)).isGreaterThan(starts.size());
        assertThat(met.getOrDefault("truncated", 0)).isPositive();
        assertThat(met.getOrDefault("otherNames", 0)).isPositive();
        assertThat(met.getOrDefault("notFound", 0)).isPositive();
        assertThat(met.getOrDefault("description", 0)).isPositive();
        assertThat(met.getOrDefault("parallel", 0)).isPositive();
        assertThat(met.getOrDefault("impact", 0)).isPositive();
    }

    private void compareAll(List<NodeRef> starts) {
        for (NodeRef start : starts) {
            for (int[] cap : CAPS) {
                for (Direction direction : Direction.values()) {
                    Object cypher = oracle.computeIfAbsent(
                            String.join(" ", "columnLineage", start.toString(), direction.name(), Arrays.toString(cap)),
                            walk -> attempt(() -> columnLineage.columnLineage(start, direction, cap[0], cap[1], null)));
                    Object indexed =
                            attempt(() -> columnLineage.columnLineageOnLoaded(start, direction, cap[0], cap[1]));
                    if (indexed == null) {
                        // The index lacks the start as a live node: the database decides, as it does for lineage.
                        assertThat(cypher)
                                .as("%s: the index lacks a start Cypher walks", start)
                                .isEqualTo("not found");
                        continue;
                    }
                    assertThat(indexed)
                            .as("columnLineage %s %s depth %d maxNodes %d", start, direction, cap[0], cap[1])
                            .isEqualTo(cypher);
                    noteWhatItMet(cypher);
                }
            }
            if (start.kind() != NodeKind.DATASET) {
                continue;
            }
            Object fields =
                    oracle.computeIfAbsent("fields " + start, walk -> attempt(() -> columnHops.start(start, null)));
            if (!(fields instanceof Map<?, ?>)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            var startFields = (Map<String, Field>) fields;
            for (int[] cap : CAPS) {
                var limits = Limits.of(cap[0], cap[1], Duration.ofMinutes(1));
                var cypher = oracle.computeIfAbsent(
                        String.join(" ", "impact", start.toString(), Arrays.toString(cap)),
                        walk -> columnLineage.walk(startFields, Direction.DOWNSTREAM, limits, null));
                var indexed = columnLineage.walkOnLoaded(startFields, Direction.DOWNSTREAM, limits);
                assertThat(indexed).as("impact's column walk from %s", start).isEqualTo(cypher);
                met.merge("impact", 1, Integer::sum);
            }
        }
    }

    private Object attempt(java.util.function.Supplier<Object> walk) {
        try {
            return walk.get();
        } catch (NodeNotFoundException e) {
            met.merge("notFound", 1, Integer::sum);
            return "not found";
        }
    }

    private void noteWhatItMet(Object answer) {
        if (!(answer instanceof ColumnLineageGraph g)) {
            return;
        }
        met.merge("walks", 1, Integer::sum);
        if (g.truncated()) {
            met.merge("truncated", 1, Integer::sum);
        }
        if (g.nodes().stream().anyMatch(n -> !n.otherNames().isEmpty())) {
            met.merge("otherNames", 1, Integer::sum);
        }
        if (g.edges().stream().anyMatch(e -> e.transformation().description() != null)) {
            met.merge("description", 1, Integer::sum);
        }
        if (g.edges().stream().map(e -> e.from() + e.to()).distinct().count()
                < g.edges().size()) {
            met.merge("parallel", 1, Integer::sum);
        }
    }

    /**
     * One random graph in namespaces of its own. Each job run reads random datasets and writes one or two, each output
     * with a random schema and each of its columns derived from input columns (sometimes of a dataset the event does
     * not list as an input); some jobs run again with other datasets and schemas; some outputs name a symlink; some
     * datasets and a job are soft-deleted. Returns every dataset, some single fields and a name no event used.
     */
    private List<NodeRef> seed(int seed) {
        var random = new Random(seed);
        String ns = "c" + seed;
        var events = new ArrayList<String>();
        for (int j = 0; j < JOBS; j++) {
            int runs = random.nextInt(3) == 0 ? 2 : 1;
            for (int r = 0; r < runs; r++) {
                var inputs = new ArrayList<String>();
                for (int i = random.nextInt(3) + 1; i > 0; i--) {
                    inputs.add("d" + random.nextInt(DATASETS));
                }
                var outputs = new ArrayList<Map<String, Object>>();
                for (int o = random.nextInt(2) + 1; o > 0; o--) {
                    outputs.add(output(ns, random, inputs));
                }
                events.add(TestEvents.run(
                        "COMPLETE",
                        "2024-01-0" + (r + 1) + "T0" + (j % 10) + ":00:00Z",
                        TestEvents.runId(ns + "/" + j + "/" + r),
                        ns,
                        "j" + j,
                        Map.of(),
                        inputs.stream()
                                .distinct()
                                .map(d -> TestEvents.dataset(ns, d))
                                .toList(),
                        outputs));
            }
        }
        postBatch("[" + String.join(",", events) + "]").expectStatus().isOk();
        awaitProjection();
        for (int d = 0; d < 2; d++) {
            deleteOverRest("datasets", ns, "d" + random.nextInt(DATASETS));
        }
        deleteOverRest("jobs", ns, "j" + random.nextInt(JOBS));
        var starts = new ArrayList<NodeRef>();
        for (int d = 0; d < DATASETS; d++) {
            starts.add(new NodeRef(NodeKind.DATASET, ns, "d" + d, null));
            starts.add(new NodeRef(NodeKind.FIELD, ns, "d" + d, COLUMNS.get(d % COLUMNS.size())));
        }
        starts.add(new NodeRef(NodeKind.DATASET, "x" + ns, "only-in-facets", null));
        starts.add(new NodeRef(NodeKind.DATASET, ns, "never-seen", null));
        return starts;
    }

    /** An output with a random schema, each column derived from random input columns; sometimes a symlink. */
    private static Map<String, Object> output(String ns, Random random, List<String> inputs) {
        String name = "d" + random.nextInt(DATASETS);
        var columns = new ArrayList<>(COLUMNS);
        java.util.Collections.shuffle(columns, random);
        columns = new ArrayList<>(columns.subList(0, 2 + random.nextInt(3)));
        var schema = new ArrayList<String>();
        var derived = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (String column : columns) {
            schema.add(column);
            schema.add(random.nextBoolean() ? "STRING" : "BIGINT");
            var from = new ArrayList<Map<String, Object>>();
            for (int k = random.nextInt(3); k >= 0; k--) {
                boolean facetOnly = random.nextInt(8) == 0;
                from.add(derivation(
                        facetOnly ? "x" + ns : ns,
                        facetOnly ? "only-in-facets" : inputs.get(random.nextInt(inputs.size())),
                        COLUMNS.get(random.nextInt(COLUMNS.size())),
                        random));
            }
            derived.put(column, from);
        }
        var facets = new HashMap<String, Object>();
        facets.put("schema", TestEvents.schema(schema.toArray(String[]::new)));
        facets.put("columnLineage", columnLineage(derived));
        if (random.nextInt(4) == 0) {
            String other = "d" + random.nextInt(DATASETS);
            facets.put(
                    "symlinks",
                    Map.of("identifiers", List.of(Map.of("namespace", ns, "name", other, "type", "TABLE"))));
        }
        return TestEvents.dataset(ns, name, facets);
    }

    /** One input column with one or two transformations (two make parallel edges between the same fields). */
    private static Map<String, Object> derivation(String ns, String dataset, String field, Random random) {
        var transformations = new ArrayList<Map<String, Object>>();
        transformations.add(transformation(random, "DIRECT", random.nextBoolean() ? "IDENTITY" : "TRANSFORMATION"));
        if (random.nextInt(3) == 0) {
            transformations.add(transformation(random, "INDIRECT", random.nextBoolean() ? "FILTER" : "JOIN"));
        }
        return Map.of("namespace", ns, "name", dataset, "field", field, "transformations", transformations);
    }

    private static Map<String, Object> transformation(Random random, String type, String subtype) {
        var t = new HashMap<String, Object>();
        t.put("type", type);
        t.put("subtype", subtype);
        t.put("masking", random.nextInt(4) == 0);
        if (random.nextInt(3) == 0) {
            t.put("description", "derived " + random.nextInt(3));
        }
        return t;
    }
}
