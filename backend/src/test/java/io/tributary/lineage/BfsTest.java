package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The traversal's rules on small in-memory graphs, without a database. */
class BfsTest {

    /** a → b → d, a → c → d, d → e, e → a (a cycle back to the start). */
    private static final Map<String, List<String>> DOWN =
            Map.of("a", List.of("b", "c"), "b", List.of("d"), "c", List.of("d"), "d", List.of("e"), "e", List.of("a"));

    private final List<Integer> frontierSizes = new ArrayList<>();

    @Test
    void visitsEachNodeOnceAtItsShortestDistanceWithOneExpansionPerLevel() {
        var walk = walk(limits(10, 100));

        assertThat(distances(walk)).isEqualTo(Map.of("a", 0, "b", 1, "c", 1, "d", 2, "e", 3));
        assertThat(walk.edges())
                .extracting(e -> e.from() + e.to())
                .containsExactlyInAnyOrder("ab", "ac", "bd", "cd", "de", "ea");
        assertThat(frontierSizes).containsExactly(1, 2, 1, 1);
        assertThat(walk.truncated()).isFalse();
    }

    @Test
    void truncatesAtTheDepthCapOnlyWhenSomethingUnvisitedLiesBeyond() {
        assertThat(walk(limits(2, 100)).truncated()).isTrue(); // e lies beyond d
        assertThat(walk(limits(3, 100)).truncated()).isFalse(); // beyond e lies only a, already visited
    }

    @Test
    void keepsTheFirstNodesInOrderWhenTheNodeCapCutsALevel() {
        var walk = walk(limits(10, 2));

        assertThat(distances(walk)).isEqualTo(Map.of("a", 0, "b", 1));
        assertThat(walk.edges()).extracting(e -> e.from() + e.to()).containsExactly("ab");
        assertThat(walk.truncated()).isTrue();
    }

    @Test
    void stopsWithTruncatedWhenTheDeadlineHasPassed() {
        var walk = walk(new Limits(10, 100, System.nanoTime() - 1));

        assertThat(distances(walk)).isEqualTo(Map.of("a", 0));
        assertThat(walk.truncated()).isTrue();
    }

    @Test
    void unitesBothDirectionsAtTheSmallerDistance() {
        var up = Bfs.walk(Map.of("d", "d"), expander(reverse(DOWN)), false, limits(10, 100), ORDER);
        var down = Bfs.walk(Map.of("d", "d"), expander(DOWN), true, limits(10, 100), ORDER);

        var both = Bfs.both(() -> up, () -> down, 100, ORDER);
        assertThat(distances(both)).isEqualTo(Map.of("a", 2, "b", 1, "c", 1, "d", 0, "e", 1));

        var capped = Bfs.both(() -> up, () -> down, 3, ORDER);
        assertThat(distances(capped)).isEqualTo(Map.of("b", 1, "c", 1, "d", 0));
        assertThat(capped.truncated()).isTrue();
    }

    private static final Comparator<String> ORDER = Comparator.naturalOrder();

    private Bfs.Walk<String, Void> walk(Limits limits) {
        return Bfs.walk(Map.of("a", "a"), expander(DOWN), true, limits, ORDER);
    }

    private Bfs.Expander<String, Void> expander(Map<String, List<String>> graph) {
        var over = expanderOver(graph);
        return (List<String> frontier, Collection<String> exclude, int limit) -> {
            frontierSizes.add(frontier.size());
            return over.expand(frontier, exclude, limit);
        };
    }

    /** An expander over an adjacency map, in the order of its lists (also used by NearestFirstTest). */
    static Bfs.Expander<String, Void> expanderOver(Map<String, List<String>> graph) {
        return (List<String> frontier, Collection<String> exclude, int limit) -> {
            var hops = new ArrayList<Bfs.Hop<String, Void>>();
            for (String near : frontier) {
                for (String far : graph.getOrDefault(near, List.of())) {
                    if ((exclude == null || !exclude.contains(far)) && hops.size() < limit) {
                        hops.add(new Bfs.Hop<>(near, far, far, null));
                    }
                }
            }
            return hops;
        };
    }

    private static Map<String, List<String>> reverse(Map<String, List<String>> graph) {
        var reversed = new TreeMap<String, List<String>>();
        graph.forEach((from, tos) -> tos.forEach(
                to -> reversed.computeIfAbsent(to, k -> new ArrayList<>()).add(from)));
        return reversed;
    }

    static Map<String, Integer> distances(Bfs.Walk<String, Void> walk) {
        var distances = new TreeMap<String, Integer>();
        walk.nodes().forEach((id, reached) -> distances.put(id, reached.distance()));
        return distances;
    }

    static Limits limits(int depth, int maxNodes) {
        return Limits.of(depth, maxNodes, Duration.ofSeconds(10));
    }
}
