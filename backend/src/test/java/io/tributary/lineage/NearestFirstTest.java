package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reading a walk streamed nearest first gives exactly the level-by-level walk's answer (nodes, distances, edges,
 * truncated) for every depth and node cap, on many seeded random graphs with cycles, diamonds and dead ends; it stops
 * reading as soon as the answer is known, and refuses rows that do not come level by level.
 */
class NearestFirstTest {

    private static final Comparator<String> ORDER = Comparator.naturalOrder();

    @Test
    void answersAsTheLevelByLevelWalkForEveryDepthAndCap() {
        var random = new Random(42);
        for (int graph = 0; graph < 200; graph++) {
            Map<String, List<String>> edges = randomGraph(random, 2 + random.nextInt(40), random.nextInt(4));
            for (int depth : List.of(0, 1, 2, 3, 5, 50)) {
                for (int maxNodes : List.of(1, 2, 3, 5, 8, 13, 100)) {
                    Limits limits = BfsTest.limits(depth, maxNodes);
                    var expected = Bfs.walk(Map.of("n0", "n0"), BfsTest.expanderOver(edges), true, limits, ORDER);
                    var streamed = NearestFirst.read(stream(edges).iterator(), true, limits, ORDER);
                    String what = "graph " + graph + " " + edges + " depth " + depth + " maxNodes " + maxNodes;
                    assertThat(BfsTest.distances(streamed)).as(what).isEqualTo(BfsTest.distances(expected));
                    assertThat(streamed.edges()).as(what).isEqualTo(expected.edges());
                    assertThat(streamed.truncated()).as(what).isEqualTo(expected.truncated());
                }
            }
        }
    }

    @Test
    void stopsReadingAtTheFirstRowPastTheDepthCap() {
        // A chain n0 → n1 → ... → n99: depth 3 needs rows up to distance 3, and one more row to know it was cut.
        var chain = new HashMap<String, List<String>>();
        for (int i = 0; i < 99; i++) {
            chain.put("n" + i, List.of("n" + (i + 1)));
        }
        var counted = new Counting(stream(chain).iterator());

        var walk = NearestFirst.read(counted, true, BfsTest.limits(3, 100), ORDER);

        assertThat(walk.nodes()).hasSize(4);
        assertThat(walk.truncated()).isTrue();
        assertThat(counted.read).isEqualTo(5);
    }

    @Test
    void stopsReadingAfterTheLevelWhereTheNodeCapIsReached() {
        // A star: n0 → n1..n50, each ni → m_i. With maxNodes 10 the first level is cut; the next is never read.
        var star = new HashMap<String, List<String>>();
        var first = new ArrayList<String>();
        for (int i = 1; i <= 50; i++) {
            first.add("n" + i);
            star.put("n" + i, List.of("m" + i));
        }
        star.put("n0", first);
        var counted = new Counting(stream(star).iterator());

        var walk = NearestFirst.read(counted, true, BfsTest.limits(10, 10), ORDER);

        assertThat(walk.nodes()).hasSize(10).containsKeys("n0", "n1", "n10", "n11");
        assertThat(walk.truncated()).isTrue();
        assertThat(counted.read).isEqualTo(52);
    }

    @Test
    void answersTheStartOnlyWhenTheDeadlineHasPassed() {
        var walk = NearestFirst.read(
                stream(Map.of("n0", List.of("n1"))).iterator(),
                true,
                new Limits(10, 100, System.nanoTime() - 1),
                ORDER);

        assertThat(walk.nodes()).containsOnlyKeys("n0");
        assertThat(walk.truncated()).isTrue();
    }

    @Test
    void refusesRowsThatDoNotComeLevelByLevel() {
        var skipping = List.of(row("n0", 0), row("n2", 2));
        var backwards = List.of(row("n0", 0), row("n1", 1), row("n2", 2), row("n3", 1));
        var noStart = List.of(row("n1", 1));

        for (var rows : List.of(skipping, backwards, noStart)) {
            assertThatThrownBy(() -> NearestFirst.read(rows.iterator(), true, BfsTest.limits(50, 100), ORDER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not nearest first");
        }
    }

    private static NearestFirst.Row<String> row(String id, int distance) {
        return new NearestFirst.Row<>(id, id, distance, List.of());
    }

    @Test
    void keepsEdgesInTheDirectionDataFlowsWhenWalkingUpstream() {
        // Walking upstream from n0 over reversed edges: n0 ← n1 ← n2.
        var upstream = Map.of("n0", List.of("n1"), "n1", List.of("n2"));

        var walk = NearestFirst.read(stream(upstream).iterator(), false, BfsTest.limits(5, 100), ORDER);

        assertThat(walk.edges()).extracting(e -> e.from() + ">" + e.to()).containsExactlyInAnyOrder("n1>n0", "n2>n1");
    }

    /** What the database streams: BFS from n0, each node once at its distance, nearest first. */
    private static List<NearestFirst.Row<String>> stream(Map<String, List<String>> edges) {
        var distance = new HashMap<String, Integer>();
        var order = new ArrayList<String>();
        var queue = new ArrayDeque<String>(List.of("n0"));
        distance.put("n0", 0);
        while (!queue.isEmpty()) {
            String n = queue.poll();
            order.add(n);
            for (String m : edges.getOrDefault(n, List.of())) {
                if (distance.putIfAbsent(m, distance.get(n) + 1) == null) {
                    queue.add(m);
                }
            }
        }
        var rows = new ArrayList<NearestFirst.Row<String>>();
        for (String n : order) {
            rows.add(new NearestFirst.Row<>(n, n, distance.get(n), edges.getOrDefault(n, List.of())));
        }
        return rows;
    }

    private static Map<String, List<String>> randomGraph(Random random, int size, int extraDegree) {
        var edges = new TreeMap<String, List<String>>();
        for (int i = 0; i < size; i++) {
            var out = new ArrayList<String>();
            int degree = random.nextInt(1 + extraDegree + 1);
            for (int d = 0; d < degree; d++) {
                String to = "n" + random.nextInt(size);
                if (!out.contains(to)) {
                    out.add(to);
                }
            }
            edges.put("n" + i, out);
        }
        return edges;
    }

    /** Counts the rows taken from a stream. */
    private static final class Counting implements Iterator<NearestFirst.Row<String>> {
        private final Iterator<NearestFirst.Row<String>> rows;
        int read;

        Counting(Iterator<NearestFirst.Row<String>> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public NearestFirst.Row<String> next() {
            read++;
            return rows.next();
        }
    }
}
