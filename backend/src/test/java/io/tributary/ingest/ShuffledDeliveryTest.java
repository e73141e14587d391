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

    private void assertDeliveriesBuildTheInOrderGraph(List<String> events, long seed) {
        postAll(events);
        List<String> inOrderGraph = canonicalGraph();
        emptyGraph();

        postAll(deliveries(events, seed));

        assertThat(canonicalGraph()).containsExactlyElementsOf(inOrderGraph);
    }
}
