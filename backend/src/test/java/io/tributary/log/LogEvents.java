package io.tributary.log;

import io.tributary.event.EventParser;
import io.tributary.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Log records made from real OpenLineage events (Spark with column lineage, Airflow, a Unicode edge case, the spec's
 * full example), each parsed and validated as ingest does. Record {@code i} is always the same event with its own run
 * id, so a test can tell which records a log holds from their numbers alone, across processes.
 */
final class LogEvents {

    private static final List<String> FIXTURES = List.of(
            "spark/compat-tests-cll/3.json",
            "airflow/compat-tests-bq-dag/line_01.json",
            "edge-cases/marquez__event_unicode.json",
            "spec-examples/python_client__example_full_event.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventParser PARSER = new EventParser();
    private static final Instant RECEIVED = Instant.parse("2026-12-01T08:00:00.123456789Z");

    private LogEvents() {}

    /** Record number {@code i}. */
    static EventRecord record(int i) {
        var event = (ObjectNode) JSON.readTree(Fixtures.text(FIXTURES.get(i % FIXTURES.size())));
        ((ObjectNode) event.get("run")).put("runId", runId(i).toString());
        var parsed = PARSER.parse(event.toString().getBytes(StandardCharsets.UTF_8));
        return EventRecord.of(parsed, EventSource.values()[i % EventSource.values().length], RECEIVED.plusMillis(i));
    }

    /** Records {@code from} to {@code from + count - 1}. */
    static List<EventRecord> records(int from, int count) {
        var records = new ArrayList<EventRecord>(count);
        for (int i = from; i < from + count; i++) {
            records.add(record(i));
        }
        return records;
    }

    static UUID runId(int i) {
        return UUID.nameUUIDFromBytes(("event-log-test-" + i).getBytes(StandardCharsets.UTF_8));
    }
}
