package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.lineage.DatasetHops.Details;
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
 * The lineage index answers as the Cypher walks do (they are its oracle): on seeded random graphs with symlink groups,
 * history edges (jobs whose newer version reads and writes other datasets) and soft-deleted datasets and jobs, for
 * lineage (both directions and each alone, several depths and node caps) and impact from many starts, with what each
 * shows on its nodes (owners, documentation, job types, each job's latest run, reruns changing them). Checked twice: on
 * the index as the projector patched it while the graphs were ingested, then on the index loaded again from the
 * database.
 */
class LineageIndexEquivalenceTest extends EndToEndTest {

    private static final int SEEDS = 3;
    private static final int DATASETS = 28;
    private static final int JOBS = 18;
    private static final List<int[]> CAPS = List.of(
            new int[] {0, 1000}, new int[] {2, 1000}, new int[] {10, 1000}, new int[] {10, 4}, new int[] {3, 9});

    @Autowired
    LineageIndex index;

    @Autowired
    IndexWalks indexWalks;

    @Autowired
    DatasetWalks datasetWalks;

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
    void indexWalksAnswerAsCypherWalksOnRandomGraphs() {
        index.load();
        var starts = new ArrayList<NodeRef>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            starts.addAll(seed(seed));
        }
        awaitProjection();
        assertThat(count("MATCH ()-[e:READ_BY|WRITES]->() WHERE e.history IS NOT NULL RETURN count(e) AS n"))
                .isPositive();
        assertThat(count("MATCH (n) WHERE n.deleted IS NOT NULL RETURN count(n) AS n"))
                .isPositive();

        compareAll(starts);
        index.load();
        compareAll(starts);

        assertThat(met.getOrDefault("truncated", 0)).isPositive();
        assertThat(met.getOrDefault("otherNames", 0)).isPositive();
        assertThat(met.getOrDefault("notFound", 0)).isPositive();
        assertThat(met.getOrDefault("edges", 0)).isPositive();
        assertThat(met.getOrDefault("description", 0)).isPositive();
        assertThat(met.getOrDefault("jobType", 0)).isPositive();
    }

    @Test
    void theIndexFollowsProjectionAndSoftDeletes() {
        index.load();
        postAll(List.of(job("f", "load", "2024-01-01T00:00:00Z", List.of("a"), List.of("b"))));
        assertThat(downstreamNames("a")).containsExactly("a", "b", "load");

        postAll(List.of(job("f", "report", "2024-01-01T01:00:00Z", List.of("b"), List.of("c"))));
        assertThat(downstreamNames("a")).containsExactly("a", "b", "c", "load", "report");
        compare(new NodeRef(NodeKind.DATASET, "f", "a", null));

        // A newer version of load writes b2 instead of b: b's edge from load is history now.
        postAll(List.of(job("f", "load", "2024-01-02T00:00:00Z", List.of("a"), List.of("b2"))));
        assertThat(downstreamNames("a")).containsExactly("a", "b2", "load");
        // The index's details follow the writes: load's latest run is the new one, as Cypher reads it.
        compare(new NodeRef(NodeKind.DATASET, "f", "a", null));
        assertThat(latestRun("a", "load")).isEqualTo(TestEvents.runId("f" + "load" + "2024-01-02T00:00:00Z"));

        deleteOverRest("datasets", "f", "b2").expectStatus().isOk();
        assertThat(downstreamNames("a")).containsExactly("a", "load");
        compare(new NodeRef(NodeKind.DATASET, "f", "a", null));

        // Walks use the index (on by default): the walk counter says the index answered.
        graphQl.document("{ lineage(node: {kind: DATASET, namespace: \"f\", name: \"a\"}) { nodes { name } } }")
                .execute()
                .path("lineage.nodes[*].name")
                .entityList(String.class)
                .contains("a", "load");
        assertThat(scrape())
                .contains("tributary_lineage_index_loaded 1.0")
                .containsPattern("tributary_lineage_index_nodes [1-9]")
                .containsPattern("tributary_lineage_index_edges [1-9]")
                .containsPattern("tributary_lineage_index_bytes [1-9]")
                .containsPattern("tributary_lineage_index_walks_total\\{kind=\"lineage\",via=\"index\"\\} [1-9]");
        index.unload();
        assertThat(scrape()).contains("tributary_lineage_index_loaded 0.0");
    }

    private String latestRun(String dataset, String job) {
        var found = indexWalks.lineageOnLoaded(
                new NodeRef(NodeKind.DATASET, "f", dataset, null), Direction.DOWNSTREAM, limits(10, 1000));
        return found.walk().nodes().entrySet().stream()
                .filter(e -> e.getValue().node().name().equals(job))
                .map(e -> found.details().get(e.getKey()).latestRunId())
                .findFirst()
                .orElseThrow();
    }

    private List<String> downstreamNames(String dataset) {
        awaitProjection();
        var found = indexWalks.lineageOnLoaded(
                new NodeRef(NodeKind.DATASET, "f", dataset, null), Direction.DOWNSTREAM, limits(10, 1000));
        assertThat(found).as("the index answers").isNotNull();
        return found.walk().nodes().values().stream()
                .map(r -> r.node().name())
                .sorted()
                .toList();
    }

    private void compareAll(List<NodeRef> starts) {
        for (NodeRef start : starts) {
            compare(start, oracle);
        }
    }

    private void compare(NodeRef start) {
        compare(start, new HashMap<>());
    }

    /** {@code answers}: Cypher's answers already had on the same graph, by walk (the graph has not changed since). */
    private void compare(NodeRef start, Map<String, Object> answers) {
        for (int[] cap : CAPS) {
            for (Direction direction : Direction.values()) {
                var cypher = answers.computeIfAbsent(
                        String.join(" ", "lineage", start.toString(), direction.name(), Arrays.toString(cap)),
                        walk -> shape(
                                attempt(() ->
                                        datasetWalks.cypherLineage(start, direction, limits(cap[0], cap[1]), null)),
                                true));
                var indexed = attempt(() -> indexWalks.lineageOnLoaded(start, direction, limits(cap[0], cap[1])));
                assertThat(shape(indexed, true))
                        .as("lineage %s %s depth %d maxNodes %d", start, direction, cap[0], cap[1])
                        .isEqualTo(cypher);
            }
            var cypher = answers.computeIfAbsent(
                    String.join(" ", "impact", start.toString(), Arrays.toString(cap)),
                    walk -> shape(attempt(() -> datasetWalks.cypherImpact(start, limits(cap[0], cap[1]))), false));
            var indexed = attempt(() -> indexWalks.impactOnLoaded(start, limits(cap[0], cap[1])));
            assertThat(shape(indexed, false))
                    .as("impact %s depth %d maxNodes %d", start, cap[0], cap[1])
                    .isEqualTo(cypher);
        }
    }

    private Object attempt(java.util.function.Supplier<DatasetWalks.Found> walk) {
        try {
            return walk.get();
        } catch (NodeNotFoundException e) {
            met.merge("notFound", 1, Integer::sum);
            return "not found";
        }
    }

    /** What a caller sees of a walk: nodes at distances, edges, truncation, details and other names of kept nodes. */
    private Object shape(Object found, boolean lineage) {
        if (!(found instanceof DatasetWalks.Found f)) {
            return found;
        }
        var shape = new LinkedHashMap<String, Object>();
        var nodes = new HashMap<String, Object>();
        f.walk().nodes().forEach((id, reached) -> {
            Details d = f.details().getOrDefault(id, Details.NONE);
            nodes.put(
                    id,
                    List.of(
                            reached.node(),
                            reached.distance(),
                            lineage ? d : d.owners(),
                            f.otherNames().getOrDefault(id, List.of())));
            if (!f.otherNames().getOrDefault(id, List.of()).isEmpty()) {
                met.merge("otherNames", 1, Integer::sum);
            }
            if (lineage && d.description() != null) {
                met.merge("description", 1, Integer::sum);
            }
            if (lineage && d.jobType() != null) {
                met.merge("jobType", 1, Integer::sum);
            }
        });
        shape.put("nodes", nodes);
        if (lineage) {
            shape.put("edges", new java.util.HashSet<>(f.walk().edges()));
            if (!f.walk().edges().isEmpty()) {
                met.merge("edges", 1, Integer::sum);
            }
        }
        shape.put("truncated", f.walk().truncated());
        if (f.walk().truncated()) {
            met.merge("truncated", 1, Integer::sum);
        }
        return shape;
    }

    private static Limits limits(int depth, int maxNodes) {
        return Limits.of(depth, maxNodes, Duration.ofMinutes(1));
    }

    /**
     * One random graph in namespaces of its own: each job's run reads and writes random datasets, some jobs run again
     * with other datasets (history edges), some outputs name others as symlinks (groups, chains of them), some datasets
     * and jobs are soft-deleted. Returns every node as a start.
     */
    private List<NodeRef> seed(int seed) {
        var random = new Random(seed);
        String ns = "s" + seed;
        var events = new ArrayList<String>();
        for (int j = 0; j < JOBS; j++) {
            int runs = random.nextInt(4) == 0 ? 2 : 1;
            for (int r = 0; r < runs; r++) {
                var inputs = new ArrayList<Map<String, Object>>();
                var outputs = new ArrayList<Map<String, Object>>();
                for (int i = random.nextInt(3) + (r == 0 ? 1 : 0); i > 0; i--) {
                    inputs.add(dataset(ns, random, false));
                }
                for (int o = random.nextInt(2) + 1; o > 0; o--) {
                    outputs.add(dataset(ns, random, true));
                }
                events.add(TestEvents.run(
                        "COMPLETE",
                        "2024-01-0" + (r + 1) + "T0" + (j % 10) + ":00:00Z",
                        TestEvents.runId(ns + "/" + j + "/" + r),
                        ns,
                        "j" + j,
                        jobFacets(random, r),
                        inputs,
                        outputs));
            }
        }
        postBatch("[" + String.join(",", events) + "]").expectStatus().isOk();
        awaitProjection();
        for (int d = 0; d < 3; d++) {
            deleteOverRest("datasets", ns, "d" + random.nextInt(DATASETS));
        }
        deleteOverRest("jobs", ns, "j" + random.nextInt(JOBS));
        var starts = new ArrayList<NodeRef>();
        for (int d = 0; d < DATASETS; d++) {
            starts.add(new NodeRef(NodeKind.DATASET, ns, "d" + d, null));
        }
        for (int j = 0; j < JOBS; j++) {
            starts.add(new NodeRef(NodeKind.JOB, ns, "j" + j, null));
        }
        starts.add(new NodeRef(NodeKind.DATASET, "t" + seed, "alias0", null));
        return starts;
    }

    /** Sometimes a job type and documentation, which lineage shows on the job (and a rerun may change). */
    private static Map<String, Object> jobFacets(Random random, int run) {
        var facets = new HashMap<String, Object>();
        if (random.nextInt(2) == 0) {
            facets.put(
                    "jobType",
                    Map.of(
                            "processingType",
                            "BATCH",
                            "integration",
                            random.nextBoolean() ? "SPARK" : "DBT",
                            "jobType",
                            random.nextBoolean() ? "QUERY" : "MODEL"));
        }
        if (random.nextInt(3) == 0) {
            facets.put("documentation", Map.of("description", "job docs, run " + run));
        }
        return facets;
    }

    /** A random dataset of the graph; an output sometimes names a symlink (another dataset, or an alias). */
    private static Map<String, Object> dataset(String ns, Random random, boolean output) {
        String name = "d" + random.nextInt(DATASETS);
        var facets = new HashMap<String, Object>();
        if (random.nextInt(3) == 0) {
            facets.put("ownership", TestEvents.ownership("team" + random.nextInt(3)));
        }
        if (random.nextInt(3) == 0) {
            facets.put("documentation", Map.of("description", "about " + name + " " + random.nextInt(3)));
        }
        if (output && random.nextInt(4) == 0) {
            String other = random.nextBoolean() ? "d" + random.nextInt(DATASETS) : "alias" + random.nextInt(3);
            String otherNs = other.startsWith("alias") ? "t" + ns.substring(1) : ns;
            facets.put(
                    "symlinks",
                    Map.of("identifiers", List.of(Map.of("namespace", otherNs, "name", other, "type", "TABLE"))));
        }
        return TestEvents.dataset(ns, name, facets);
    }

    private static String job(String ns, String name, String time, List<String> inputs, List<String> outputs) {
        return TestEvents.run(
                "COMPLETE",
                time,
                TestEvents.runId(ns + name + time),
                ns,
                name,
                Map.of(),
                inputs.stream().map(d -> TestEvents.dataset(ns, d)).toList(),
                outputs.stream().map(d -> TestEvents.dataset(ns, d)).toList());
    }
}
