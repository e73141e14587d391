package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events of a run are cumulative and may arrive in any order or more than once: the graph must come out the same.
 * Graphs are compared whole, as a canonical dump of every node and relationship with all their properties.
 */
class DeliveryOrderIngestTest extends EndToEndTest {

    @Test
    void sparkEventsInReverseOrderBuildTheSameGraph() {
        assertSameGraph(SparkColumnLineageIngestTest.events(), reversed(SparkColumnLineageIngestTest.events()));
    }

    @Test
    void airflowEventsInReverseOrderBuildTheSameGraph() {
        assertSameGraph(airflow(), reversed(airflow()));
    }

    @Test
    void sparkEventsDeliveredTwiceBuildTheSameGraph() {
        assertSameGraph(SparkColumnLineageIngestTest.events(), twice(SparkColumnLineageIngestTest.events()));
    }

    @Test
    void airflowEventsDeliveredTwiceBuildTheSameGraph() {
        assertSameGraph(airflow(), twice(airflow()));
    }

    @Test
    void eventsInterleavedBetweenParentAndChildRunsBuildTheSameGraph() {
        // Children first (their parent run is a placeholder until its own events arrive), then the rest reversed.
        List<String> spark = SparkColumnLineageIngestTest.events();
        var childrenFirst = new ArrayList<>(spark.subList(1, 8));
        childrenFirst.add(spark.get(8));
        childrenFirst.add(spark.get(0));
        assertSameGraph(spark, childrenFirst);
    }

    @Test
    void placeholderParentRunsDoNotDependOnTheOrderOfTheirChildrensEvents() {
        List<String> seed = Fixtures.events("spec-examples/marquez__seed_metadata.json");
        assertSameGraph(seed, reversed(seed));
    }

    @Test
    void aParentRunKeepsItsOwnEventTimesWhenAChildRunReportsFirst() {
        // The download task's COMPLETE, here reported after the DAG run completed (13:05:39.809127).
        String lateTask = Fixtures.text("airflow/compat-tests-bq-dag/line_07.json")
                .replace("2024-11-26T13:05:39.460005+00:00", "2024-11-26T13:05:45+00:00");
        assertThat(lateTask).contains("13:05:45+00:00");
        String dagStart = Fixtures.text("airflow/compat-tests-bq-dag/line_01.json");
        String dagComplete = Fixtures.text("airflow/compat-tests-bq-dag/line_08.json");

        assertSameGraph(List.of(dagStart, dagComplete, lateTask), List.of(lateTask, dagStart, dagComplete));
        assertThat(query("""
                        MATCH (r:Run {runId: $id})
                        RETURN r.firstEventAt AS first, r.lastEventAt AS last, r.placeholder AS placeholder""", Map.of("id", AirflowIngestTest.DAG_RUN)))
                .containsExactly(row(
                        "first",
                        time("2024-11-26T13:05:23.809955Z"),
                        "last",
                        time("2024-11-26T13:05:39.809127Z"),
                        "placeholder",
                        null));
    }

    @Test
    void redeliveryCreatesNoNewEventNode() {
        List<String> spark = SparkColumnLineageIngestTest.events();
        postAll(spark);
        assertThat(single("MATCH (e:Event) RETURN count(e)")).isEqualTo(9L);
        long nodes = countNodes();

        postAll(spark);

        assertThat(single("MATCH (e:Event) RETURN count(e)")).isEqualTo(9L);
        assertThat(countNodes()).isEqualTo(nodes);
    }

    @Test
    void runningEventsAfterCompleteKeepTheRunCompleted() {
        List<String> spark = SparkColumnLineageIngestTest.events();
        // The CTAS run: START (5) and COMPLETE (8) first, then its two RUNNING events (6, 7).
        postAll(List.of(spark.get(4), spark.get(7), spark.get(5), spark.get(6)));

        assertThat(query(
                        "MATCH (r:Run {runId: $id}) RETURN r.state AS state, r.endedAt AS endedAt, r.durationMs AS ms",
                        Map.of("id", SparkColumnLineageIngestTest.CTAS_RUN)))
                .containsExactly(row("state", "COMPLETED", "endedAt", time("2024-08-06T13:26:54.34Z"), "ms", 564L));
    }

    @Test
    void aRunningEventTimedAfterTheCompleteKeepsTheRunCompleted() {
        String complete = Fixtures.text("spark/compat-tests-cll/8.json");
        String lateRunning = complete.replace("\"eventType\": \"COMPLETE\"", "\"eventType\": \"RUNNING\"")
                .replace("2024-08-06T13:26:54.34Z", "2024-08-06T13:27:30Z");
        assertThat(lateRunning).contains("\"RUNNING\"").contains("13:27:30Z");
        postAll(List.of(Fixtures.text("spark/compat-tests-cll/5.json"), complete, lateRunning));

        assertThat(query("""
                        MATCH (r:Run {runId: $id})
                        RETURN r.state AS state, r.endedAt AS endedAt, r.durationMs AS ms, r.lastEventAt AS last""", Map.of("id", SparkColumnLineageIngestTest.CTAS_RUN)))
                .containsExactly(row(
                        "state",
                        "COMPLETED",
                        "endedAt",
                        time("2024-08-06T13:26:54.34Z"),
                        "ms",
                        564L,
                        "last",
                        time("2024-08-06T13:27:30Z")));
    }

    static List<String> airflow() {
        var events = new ArrayList<>(AirflowIngestTest.bqDag());
        events.addAll(AirflowIngestTest.pythonDag());
        return events;
    }

    private void assertSameGraph(List<String> inOrder, List<String> otherwise) {
        postAll(inOrder);
        List<String> expected = canonicalGraph();
        emptyGraph();

        postAll(otherwise);

        assertThat(canonicalGraph()).containsExactlyElementsOf(expected);
    }

    private static List<String> reversed(List<String> events) {
        return new ArrayList<>(events).reversed();
    }

    private static List<String> twice(List<String> events) {
        var twice = new ArrayList<>(events);
        twice.addAll(events);
        return twice;
    }
}
