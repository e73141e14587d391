package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.test.context.TestContextManager;

/**
 * Properties: whatever the order the events of a scenario arrive in, and however often each is delivered, the graph
 * is the one in-order delivery builds. jqwik runs these outside JUnit Jupiter, so the test instance joins the shared
 * Spring context (the same cached one as every {@link EndToEndTest}) through Spring's {@link TestContextManager}.
 */
class ShuffledDeliveryTest extends EndToEndTest {

    private List<String> inOrderGraph;

    @BeforeProperty
    void joinTheSharedSpringContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }

    @Property(tries = 10)
    void sparkEventsInAnyOrderAndRedeliveredBuildTheSameGraph(@ForAll("sparkDeliveries") List<String> deliveries) {
        assertDeliveriesBuildTheInOrderGraph(SparkColumnLineageIngestTest.events(), deliveries);
    }

    @Property(tries = 10)
    void airflowEventsInAnyOrderAndRedeliveredBuildTheSameGraph(@ForAll("airflowDeliveries") List<String> deliveries) {
        assertDeliveriesBuildTheInOrderGraph(DeliveryOrderIngestTest.airflow(), deliveries);
    }

    @Provide
    Arbitrary<List<String>> sparkDeliveries() {
        return deliveries(SparkColumnLineageIngestTest.events());
    }

    @Provide
    Arbitrary<List<String>> airflowDeliveries() {
        return deliveries(DeliveryOrderIngestTest.airflow());
    }

    /** Every event once or twice, all in any order. */
    private static Arbitrary<List<String>> deliveries(List<String> events) {
        return Arbitraries.integers().between(1, 2).list().ofSize(events.size()).flatMap(copies -> {
            var deliveries = new ArrayList<String>();
            for (int i = 0; i < events.size(); i++) {
                for (int copy = 0; copy < copies.get(i); copy++) {
                    deliveries.add(events.get(i));
                }
            }
            return Arbitraries.shuffle(deliveries);
        });
    }

    private void assertDeliveriesBuildTheInOrderGraph(List<String> events, List<String> deliveries) {
        if (inOrderGraph == null) {
            emptyGraph();
            postAll(events);
            inOrderGraph = canonicalGraph();
        }
        emptyGraph();

        postAll(deliveries);

        assertThat(canonicalGraph()).containsExactlyElementsOf(inOrderGraph);
    }
}
