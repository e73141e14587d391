package io.tributary.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The retention purge of raw events. The Spark set's events are from 2024-08-06, the Airflow set's from 2024-11-26;
 * the configured retention reaches back to 2024-10-01 (so the Spark events are past it), purged every second in
 * batches of 3.
 */
@TestPropertySource(properties = {"tributary.retention.interval=1s", "tributary.retention.batch-size=3"})
class RetentionPurgeTest extends EndToEndTest {

    private static final OffsetDateTime RETAINED_SINCE = OffsetDateTime.parse("2024-10-01T00:00:00Z");

    @DynamicPropertySource
    static void retention(DynamicPropertyRegistry registry) {
        registry.add(
                "tributary.retention.events",
                () -> Duration.between(RETAINED_SINCE, OffsetDateTime.now()).toString());
    }

    @Autowired
    MeterRegistry meters;

    private static List<String> spark() {
        var events = new ArrayList<String>();
        IntStream.rangeClosed(1, 9).forEach(i -> events.add(Fixtures.text("spark/compat-tests-cll/" + i + ".json")));
        return events;
    }

    private static List<String> airflow() {
        var events = new ArrayList<String>();
        IntStream.rangeClosed(1, 8)
                .forEach(i -> events.add(Fixtures.text("airflow/compat-tests-bq-dag/line_0" + i + ".json")));
        return events;
    }

    @Test
    void theScheduledPurgeDeletesOnlyRawEventsPastTheRetentionAndLeavesTheGraphAlone() {
        double purgedBefore = purgedCounter();
        postAll(airflow());
        long airflowEvents = events();
        postAll(spark());
        long sparkEvents = spark().size(); // each a distinct event, all older than the retention
        // The graph as ingested, before any purge could have run... or after: the purge never touches it.
        List<String> graph = graphWithoutEvents();

        // The purge thread counts a batch just after its transaction commits, so the last batch can be gone from the
        // store a moment before it is counted: wait for both (bounded), then check both exactly.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> eventsBefore(RETAINED_SINCE) == 0 && purgedCounter() - purgedBefore >= sparkEvents);

        assertThat(eventsBefore(RETAINED_SINCE)).isZero();
        assertThat(events()).isEqualTo(airflowEvents);
        assertThat(graphWithoutEvents()).isEqualTo(graph);
        assertThat(purgedCounter() - purgedBefore).isEqualTo(sparkEvents);
    }

    @Test
    void purgeEventsOnDemandNeedsTheWriteKeyAndDeletesExactlyWhatIsOlderThanBefore() {
        postAll(airflow());
        List<String> graph = graphWithoutEvents();
        OffsetDateTime before = OffsetDateTime.parse("2024-11-26T13:05:30Z");
        long older = eventsBefore(before);
        long all = events();
        assertThat(older).isPositive().isLessThan(all);
        String mutation = "mutation($before: DateTime) { purgeEvents(before: $before) { before purged } }";

        graphQl.document(mutation)
                .variable("before", before.toString())
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.UNAUTHORIZED)
                .verify();
        assertThat(events()).isEqualTo(all);

        var writer =
                graphQl.mutate().header("Authorization", "Bearer " + API_KEY).build();
        writer.document(mutation)
                .variable("before", before.toString())
                .execute()
                .path("purgeEvents.purged")
                .entity(Long.class)
                .isEqualTo(older);
        assertThat(eventsBefore(before)).isZero();
        assertThat(events()).isEqualTo(all - older);
        assertThat(graphWithoutEvents()).isEqualTo(graph);

        // Without before: the configured retention, past which nothing is left now.
        writer.document(mutation)
                .execute()
                .path("purgeEvents.purged")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    private long events() {
        return (Long) single("MATCH (e:Event) RETURN count(e) AS n");
    }

    private long eventsBefore(OffsetDateTime time) {
        return (Long) single("MATCH (e:Event) WHERE e.eventTime < $t RETURN count(e) AS n", Map.of("t", time));
    }

    private List<String> graphWithoutEvents() {
        return canonicalGraph().stream()
                .filter(line -> !line.startsWith("[Event]"))
                .toList();
    }

    private double purgedCounter() {
        return meters.get("tributary.retention.purged.events").counter().count();
    }
}
