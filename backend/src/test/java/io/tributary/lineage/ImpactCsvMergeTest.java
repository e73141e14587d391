package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CSV's datasets-and-jobs order comes from merging the report's two sorted lists, not from sorting again. */
class ImpactCsvMergeTest {

    private static final Comparator<ImpactReport.Node> CSV_ORDER = Comparator.comparingInt(ImpactReport.Node::distance)
            .thenComparing(ImpactReport.Node::kind)
            .thenComparing(ImpactReport.Node::namespace)
            .thenComparing(ImpactReport.Node::name);

    @Test
    void mergingTheSortedListsGivesWhatSortingEverythingGives() {
        var random = new Random(7);
        for (int round = 0; round < 200; round++) {
            var datasets = nodes(random, NodeKind.DATASET);
            var jobs = nodes(random, NodeKind.JOB);
            var expected = new ArrayList<>(datasets);
            expected.addAll(jobs);
            expected.sort(CSV_ORDER);

            assertThat(ImpactCsv.merge(datasets, jobs)).containsExactlyElementsOf(expected);
        }
    }

    private static List<ImpactReport.Node> nodes(Random random, NodeKind kind) {
        var nodes = new ArrayList<ImpactReport.Node>();
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            String namespace = "ns" + random.nextInt(3);
            String name = kind + "-" + i + "-" + random.nextInt(1000);
            nodes.add(new ImpactReport.Node(
                    NodeId.of(kind, namespace, name), kind, namespace, name, null, 1 + random.nextInt(4), List.of()));
        }
        nodes.sort(CSV_ORDER);
        return nodes;
    }
}
