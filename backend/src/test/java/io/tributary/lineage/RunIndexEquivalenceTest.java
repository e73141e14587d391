package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.lineage.index.LineageIndex;
import io.tributary.testing.EndToEndTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Run lineage on the lineage index answers as the Cypher run walk does (its oracle): on seeded random histories of
 * jobs rerun over a day, whose runs read and write datasets (a few jobs read what they write), name the version they
 * read by a datasetVersion facet or not (the same value written by several runs), sometimes report no START (the read
 * counts from its first sighting) or no end (a running run's version moves with its events), all delivered in a
 * shuffled order, so that late STARTs and late ends change which version a read resolves to after the fact. Compared
 * from every run, each direction, several depths and node caps: first on the index as the projector patched it, then
 * on the index loaded again.
 */
class RunIndexEquivalenceTest extends EndToEndTest {

    private static final int SEEDS = 3;
    private static final int DATASETS = 7;
    private static final int JOBS = 6;
    private static final int RUNS = 5;
    private static final List<int[]> CAPS =
            List.of(new int[] {1, 1000}, new int[] {10, 1000}, new int[] {10, 3}, new int[] {2, 6});

    @Autowired
    LineageIndex index;

    @Autowired
    RunLineage runLineage;

    /** What the comparisons met, so that a test on histories without the hard cases cannot pass. */
    private final Map<String, Integer> met = new HashMap<>();

    /**
     * The Cypher walks' answers of the first pass, for the second: loading the index again changes nothing in the
     * database, so the oracle is asked once per walk.
     */
    private final Map<String, RunLineage.Graph> oracle = new HashMap<>();

    @AfterEach
    void dropIndex() {
        index.unload();
    }

    @Test
    void runWalksOnTheIndexAnswerAsCypherOnRandomHistories() {
        index.load();
        var runs = new ArrayList<String>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            runs.addAll(seed(seed));
        }
        awaitProjection();
        // The hard cases are in the histories: reads naming a version, runs without START, runs still running.
        assertThat(count("MATCH ()-[e:READ]->() WHERE e.datasetVersion IS NOT NULL RETURN count(e) AS n"))
                .isPositive();
        assertThat(count("MATCH (r:Run) WHERE r.startedAt IS NULL RETURN count(r) AS n"))
                .isPositive();
        assertThat(count("MATCH (r:Run) WHERE r.endedAt IS NULL RETURN count(r) AS n"))
                .isPositive();

        compareAll(runs);
        index.load();
        compareAll(runs);

        assertThat(met.getOrDefault("walks", 0)).isGreaterThan(runs.size());
        assertThat(met.getOrDefault("edges", 0)).isPositive();
        assertThat(met.getOrDefault("deep", 0)).isPositive();
        assertThat(met.getOrDefault("truncated", 0)).isPositive();
        assertThat(met.getOrDefault("named", 0)).isPositive();
    }

    private void compareAll(List<String> runs) {
        for (String run : runs) {
            for (int[] cap : CAPS) {
                for (Direction direction : Direction.values()) {
                    var cypher = oracle.computeIfAbsent(
                            String.join(" ", run, direction.name(), Arrays.toString(cap)),
                            walk -> runLineage.runLineage(run, direction, cap[0], cap[1]));
                    var onIndex = runLineage.runLineageOnLoaded(run, direction, cap[0], cap[1]);
                    assertThat(onIndex)
                            .as("run lineage of %s %s depth %d maxNodes %d", run, direction, cap[0], cap[1])
                            .isEqualTo(cypher);
                    met.merge("walks", 1, Integer::sum);
                    met.merge("edges", cypher.edges().isEmpty() ? 0 : 1, Integer::sum);
                    met.merge("deep", cypher.nodes().stream().anyMatch(n -> n.distance() > 2) ? 1 : 0, Integer::sum);
                    met.merge("truncated", cypher.truncated() ? 1 : 0, Integer::sum);
                    met.merge(
                            "named",
                            cypher.edges().stream().anyMatch(e -> e.version().datasetVersion() != null) ? 1 : 0,
                            Integer::sum);
                }
            }
        }
    }

    /** Posts one random history in a shuffled order; its run ids. */
    private List<String> seed(int seed) {
        var random = new Random(seed);
        String ns = "r" + seed;
        var events = new ArrayList<String>();
        var runs = new ArrayList<String>();
        for (int j = 0; j < JOBS; j++) {
            List<Integer> inputs = pick(random, 1 + random.nextInt(2));
            // A few jobs read what they write (a run never reads its own version).
            List<Integer> outputs = random.nextInt(5) == 0 ? List.of(inputs.getFirst()) : pick(random, 1);
            for (int k = 0; k < RUNS; k++) {
                String runId = TestEvents.runId(ns + "-j" + j + "-" + k);
                runs.add(runId);
                int start = random.nextInt(22 * 60);
                int end = start + 1 + random.nextInt(120);
                var read = new ArrayList<Map<String, Object>>();
                for (int d : inputs) {
                    read.add(
                            random.nextInt(3) == 0
                                    ? TestEvents.dataset(
                                            ns,
                                            "d" + d,
                                            Map.of("version", Map.of("datasetVersion", "v" + random.nextInt(3))))
                                    : TestEvents.dataset(ns, "d" + d));
                }
                var written = new ArrayList<Map<String, Object>>();
                for (int d : outputs) {
                    written.add(TestEvents.dataset(
                            ns, "d" + d, Map.of("version", Map.of("datasetVersion", "v" + random.nextInt(3)))));
                }
                String job = "j" + j;
                if (random.nextInt(5) != 0) {
                    // Some STARTs name no inputs: the read happened at START, though first reported at the end.
                    var started = random.nextInt(3) == 0 ? List.<Map<String, Object>>of() : read;
                    events.add(TestEvents.run("START", at(start), runId, ns, job, Map.of(), started, List.of()));
                }
                if (random.nextInt(5) != 0) {
                    events.add(TestEvents.run("COMPLETE", at(end), runId, ns, job, Map.of(), read, written));
                } else {
                    events.add(TestEvents.run("RUNNING", at(end), runId, ns, job, Map.of(), read, written));
                }
            }
        }
        Collections.shuffle(events, random);
        for (int i = 0; i < events.size(); i += 7) {
            postAll(events.subList(i, Math.min(events.size(), i + 7)));
        }
        return runs;
    }

    private static List<Integer> pick(Random random, int n) {
        var all = new ArrayList<Integer>();
        for (int d = 0; d < DATASETS; d++) {
            all.add(d);
        }
        Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, n));
    }

    private static String at(int minutes) {
        return String.format("2025-04-01T%02d:%02d:00Z", minutes / 60 % 24, minutes % 60);
    }
}
