package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Valid events at the edges of the spec: only the required fields, unusual timestamps, non-ASCII names. */
class EdgeCaseEventsIngestTest extends EndToEndTest {

    private static final String RUN = "43d7db3b-8984-4cda-b237-8c6919b36670";
    /** {@code myjob.buggy_task} and U+1F577 SPIDER, written as its UTF-16 pair. */
    private static final String SPIDER_TASK = "myjob.buggy_task\uD83D\uDD77";

    @Test
    void acceptsRequiredFieldsOnlyWithoutEventTypeAsARunningRun() {
        post(Fixtures.text("edge-cases/marquez__event_required_only.json"))
                .expectStatus()
                .isCreated();

        assertThat(query("""
                        MATCH (r:Run {runId: $id})-[:RUN_OF]->(j:Job)
                        RETURN j.namespace + '/' + j.name AS job, r.state AS state, r.startedAt AS startedAt,
                               r.endedAt AS endedAt, r.firstEventAt AS first""", Map.of("id", RUN)))
                .containsExactly(row(
                        "job",
                        "my-namespace/myjob",
                        "state",
                        "RUNNING",
                        "startedAt",
                        null,
                        "endedAt",
                        null,
                        "first",
                        time("2020-12-28T19:51:01.641Z")));
        assertThat(query("MATCH (e:Event) RETURN e.eventType AS type, e.eventTime AS time, e.runId AS run"))
                .containsExactly(row("type", null, "time", time("2020-12-28T19:51:01.641Z"), "run", RUN));
        assertThat(query("""
                        MATCH (n) WHERE NOT n:Migration AND NOT n:ProjectionPosition
                        RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label"""))
                .containsExactly(
                        row("label", "Event", "n", 1L),
                        row("label", "Job", "n", 1L),
                        row("label", "Namespace", "n", 1L),
                        row("label", "Run", "n", 1L));
    }

    @Test
    void keepsMicrosecondPrecisionOfTheEventTime() {
        post(Fixtures.text("edge-cases/marquez__event_required_nanoseconds.json"))
                .expectStatus()
                .isCreated();

        assertThat(storedTimes()).containsExactly(times("2020-12-28T19:51:01.641499Z"));
    }

    @Test
    void keepsNanosecondPrecisionOfTheEventTime() {
        String nanos = Fixtures.text("edge-cases/marquez__event_required_nanoseconds.json")
                .replace("19:51:01.641499Z", "19:51:01.641499123Z");
        assertThat(nanos).contains(".641499123Z");
        post(nanos).expectStatus().isCreated();

        assertThat(storedTimes()).containsExactly(times("2020-12-28T19:51:01.641499123Z"));
    }

    @Test
    void readsAZonelessEventTimeAsUtc() {
        post(Fixtures.text("edge-cases/marquez__event_required_no_timezone.json"))
                .expectStatus()
                .isCreated();

        assertThat(storedTimes()).containsExactly(times("2020-12-28T19:51:01.641499Z"));
    }

    @Test
    void normalisesAnOffsetEventTimeToUtc() {
        post(Fixtures.text("edge-cases/marquez__event_unicode.json"))
                .expectStatus()
                .isCreated();

        assertThat(single("MATCH (e:Event) RETURN e.eventTime")).isEqualTo(time("2020-12-28T09:52:00.001Z"));
        assertThat(single("MATCH (r:Run) RETURN r.endedAt")).isEqualTo(time("2020-12-28T09:52:00.001Z"));
    }

    @Test
    void keepsUnicodeNamesExactly() {
        post(Fixtures.text("edge-cases/marquez__event_unicode.json"))
                .expectStatus()
                .isCreated();

        assertThat(query("""
                        MATCH (r:Run)-[:RUN_OF]->(j:Job {namespace: 'my-scheduler-namespace', name: $name})
                        RETURN r.runId AS run, r.state AS state, j.name AS name""", Map.of("name", SPIDER_TASK)))
                .containsExactly(
                        row("run", "1d8f4596-b3f2-4ebb-9e75-8ecc955b834a", "state", "COMPLETED", "name", SPIDER_TASK));
        assertThat(single("MATCH (e:Event) RETURN e.jobName")).isEqualTo(SPIDER_TASK);
        assertThat(query("""
                        MATCH (d:Dataset)-[e:READ_BY|WRITES]-(:Job)
                        RETURN type(e) AS type, d.name AS dataset ORDER BY type, dataset"""))
                .containsExactly(
                        row("type", "READ_BY", "dataset", "instance.schema.input-1"),
                        row("type", "READ_BY", "dataset", "instance.schema.input-2"),
                        row("type", "WRITES", "dataset", "instance.schema.output-1"));
    }

    /** The event's time as archived and as the run's first and last event time. */
    private List<Map<String, Object>> storedTimes() {
        return query("""
                MATCH (e:Event) MATCH (r:Run {runId: e.runId})
                RETURN e.eventTime AS event, r.firstEventAt AS first, r.lastEventAt AS last""");
    }

    private static Map<String, Object> times(String utc) {
        return row("event", time(utc), "first", time(utc), "last", time(utc));
    }
}
