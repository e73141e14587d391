package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A generated graph of 12 layers × 8 datasets where every dataset of a layer is built by its own job reading all 8
 * datasets of the layer before: 8^10 paths from a first-layer dataset to a last-layer one, 177 nodes. A traversal
 * that enumerated paths would not finish; node-once BFS answers at once.
 */
class DiamondGraphTest extends LineageTestSupport {

    private static final String NS = "diamond";
    private static final int LAYERS = 12;
    private static final int WIDTH = 8;

    @BeforeEach
    void ingest() {
        var events = new ArrayList<String>();
        for (int layer = 1; layer < LAYERS; layer++) {
            var inputs = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < WIDTH; i++) {
                inputs.add(TestEvents.dataset(NS, dataset(layer - 1, i)));
            }
            for (int i = 0; i < WIDTH; i++) {
                String jobName = "build_" + dataset(layer, i);
                events.add(TestEvents.run(
                        "COMPLETE",
                        "2025-03-01T00:%02d:%02dZ".formatted(layer, i),
                        TestEvents.runId(jobName),
                        NS,
                        jobName,
                        Map.of(),
                        inputs,
                        List.of(TestEvents.dataset(NS, dataset(layer, i)))));
            }
        }
        postBatch(events);
    }

    @Test
    void visitsEveryNodeOnceAtItsShortestDistance() {
        var answer = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, dataset(0, 0)))
                .variable("direction", "DOWNSTREAM")
                .variable("depth", 50)
                .execute();

        List<Node> nodes = answer.path("lineage.nodes").entityList(Node.class).get();
        assertThat(nodes).hasSize(1 + (LAYERS - 1) * 2 * WIDTH);
        assertThat(nodes).extracting(Node::id).doesNotHaveDuplicates();
        for (Node node : nodes) {
            assertThat(node.distance()).as(node.name()).isEqualTo(expectedDistance(node));
        }
        // Every READ_BY from a reached dataset (8 from the start, 64 per later layer but the last) and every WRITES.
        answer.path("lineage.edges")
                .entityList(Edge.class)
                .hasSize(WIDTH + (LAYERS - 2) * WIDTH * WIDTH + (LAYERS - 1) * WIDTH);
        answer.path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void keepsExactlyMaxNodesTheNearestFirstAndSaysSo() {
        var answer = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, dataset(0, 0)))
                .variable("direction", "DOWNSTREAM")
                .variable("depth", 50)
                .variable("maxNodes", 100)
                .execute();

        List<Node> nodes = answer.path("lineage.nodes").entityList(Node.class).get();
        assertThat(nodes).hasSize(100);
        // 1 + 8 per distance up to 12 is 97; the last 3 are the first jobs of distance 13 in name order.
        assertThat(nodes.subList(97, 100))
                .extracting(Node::name, Node::distance)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("build_l07_d0", 13),
                        org.assertj.core.groups.Tuple.tuple("build_l07_d1", 13),
                        org.assertj.core.groups.Tuple.tuple("build_l07_d2", 13));
        List<Edge> edges = answer.path("lineage.edges").entityList(Edge.class).get();
        var ids = nodes.stream().map(Node::id).toList();
        assertThat(edges).allSatisfy(e -> assertThat(ids).contains(e.from(), e.to()));
        answer.path("lineage.truncated").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void saysTruncatedOnlyWhenTheDepthCapLeftNodesOut() {
        assertThat(count(4)).isEqualTo(new Count(1 + 4 * WIDTH, true));
        assertThat(count(21)).isEqualTo(new Count(1 + 21 * WIDTH, true));
        assertThat(count(22)).isEqualTo(new Count(1 + 22 * WIDTH, false));
    }

    @Test
    void unitesBothDirectionsFromAMiddleLayer() {
        var answer = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, dataset(5, 0)))
                .variable("depth", 50)
                .execute();

        List<Node> nodes = answer.path("lineage.nodes").entityList(Node.class).get();
        // Upstream: its job, then 8 datasets and 8 jobs per layer down to layer 0 (the last without jobs).
        // Downstream: 8 jobs and 8 datasets for each of layers 6..11.
        assertThat(nodes).hasSize(1 + (1 + WIDTH + 4 * 2 * WIDTH) + 6 * 2 * WIDTH);
        assertThat(nodes).extracting(Node::id).doesNotHaveDuplicates();
        assertThat(nodes)
                .filteredOn(n -> n.name().equals(dataset(0, 3)) || n.name().equals(dataset(11, 3)))
                .extracting(Node::distance)
                .containsExactly(10, 12);
        answer.path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
    }

    record Count(int nodes, boolean truncated) {}

    private Count count(int depth) {
        var answer = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", NS, dataset(0, 0)))
                .variable("direction", "DOWNSTREAM")
                .variable("depth", depth)
                .execute();
        return new Count(
                answer.path("lineage.nodes").entityList(Node.class).get().size(),
                answer.path("lineage.truncated").entity(Boolean.class).get());
    }

    /** Datasets of layer k are 2k edges from the start; the jobs building them 2k - 1. */
    private static int expectedDistance(Node node) {
        int layer = Integer.parseInt(node.name().replaceAll(".*l(\\d\\d)_d\\d", "$1"));
        return node.kind().equals("JOB") ? 2 * layer - 1 : 2 * layer;
    }

    private static String dataset(int layer, int index) {
        return "l%02d_d%d".formatted(layer, index);
    }
}
