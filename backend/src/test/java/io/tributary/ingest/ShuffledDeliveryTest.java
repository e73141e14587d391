package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the order the events of a scenario arrive in, and however often each is delivered, the graph is the one
 * in-order delivery builds. Each seed draws one delivery (every event once or twice, all shuffled); seeds are fixed so
 * that a failure reproduces.
 */
class ShuffledDeliveryTest extends EndToEndTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void sparkEventsInAnyOrderAndRedeliveredBuildTheSameGraph(long seed) {
        assertDeliveriesBuildTheInOrderGraph(SparkColumnLineageIngestTest.events(), seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void airflowEventsInAnyOrderAndRedeliveredBuildTheSameGraph(long seed) {
        assertDeliveriesBuildTheInOrderGraph(DeliveryOrderIngestTest.airflow(), seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8})
    void sparkEventsCoalescedIntoSharedTransactionsBuildTheSameGraph(long seed) {
        assertBatchedDeliveriesBuildTheInOrderGraph(SparkColumnLineageIngestTest.events(), seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8})
    void airflowEventsCoalescedIntoSharedTransactionsBuildTheSameGraph(long seed) {
        assertBatchedDeliveriesBuildTheInOrderGraph(DeliveryOrderIngestTest.airflow(), seed);
    }

    /** Every event once or twice, all in an order drawn from the seed. */
    private static List<String> deliveries(List<String> events, long seed) {
        var random = new Random(seed);
        var deliveries = new ArrayList<String>();
        for (String event : events) {
            int copies = 1 + random.nextInt(2);
            for (int copy = 0; copy < copies; copy++) {
                deliveries.add(event);
            }
        }
        Collections.shuffle(deliveries, random);
        return deliveries;
    }

    /**
     * The shuffled deliveries posted as batches of 1 to all of them (a batch is one transaction, so the writer
     * coalesces its events' rows per node, duplicates included): the same graph as one event per transaction.
     */
    private void assertBatchedDeliveriesBuildTheInOrderGraph(List<String> events, long seed) {
        postAll(events);
        List<String> inOrderGraph = withoutArchivedText(canonicalGraph());
        emptyGraph();

        var random = new Random(seed);
        var deliveries = deliveries(events, seed);
        for (int from = 0; from < deliveries.size(); ) {
            int to = Math.min(deliveries.size(), from + 1 + random.nextInt(deliveries.size()));
            postBatch("[" + String.join(",", deliveries.subList(from, to)) + "]")
                    .expectStatus()
                    .is2xxSuccessful();
            from = to;
        }

        assertThat(withoutArchivedText(canonicalGraph())).containsExactlyElementsOf(inOrderGraph);
    }

    /**
     * The batch endpoint archives each array element as its own JSON text, not the bytes of a single-event POST
     * (whitespace differs; the event id, a hash of the content, is the same): every other property must match.
     */
    private static List<String> withoutArchivedText(List<String> graph) {
        return graph.stream()
                .map(line -> line.replaceAll("json=sha256:[0-9a-f]+", "json=…"))
                .toList();
    }

    private void assertDeliveriesBuildTheInOrderGraph(List<String> events, long seed) {
        postAll(events);
        List<String> inOrderGraph = canonicalGraph();
        emptyGraph();

        postAll(deliveries(events, seed));

        assertThat(canonicalGraph()).containsExactlyElementsOf(inOrderGraph);
    }
}
