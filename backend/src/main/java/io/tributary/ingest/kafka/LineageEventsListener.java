package io.tributary.ingest.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.event.EventParser;
import io.tributary.event.InvalidEventException;
import io.tributary.event.LineageEvent;
import io.tributary.ingest.EventIntake;
import io.tributary.log.EventSource;
import io.tributary.problem.RetryLater;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.neo4j.driver.exceptions.RetryableException;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * One poll's records: parsed like HTTP bodies, written through the same group-commit writer, and acknowledged (the
 * offsets committed) only once every valid event of the poll is committed to the database. A failure before that
 * leaves the offsets where they were, so the records come again; redelivery is harmless because writes are
 * idempotent. Records that are not valid events, or that the database refuses for good, are dead-lettered and
 * skipped, so they never hold up a partition.
 */
final class LineageEventsListener implements BatchAcknowledgingMessageListener<String, byte[]> {

    private final EventParser parser;
    private final EventIntake writer;
    private final DeadLetters deadLetters;
    private final Counter written;
    private final Counter invalid;

    LineageEventsListener(EventParser parser, EventIntake writer, DeadLetters deadLetters, MeterRegistry meters) {
        this.parser = parser;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.written = meters.counter("tributary.kafka.records", "outcome", "written");
        this.invalid = meters.counter("tributary.kafka.records", "outcome", "invalid");
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
        var parsed = new ArrayList<Parsed>();
        var refused = new ArrayList<Refused>();
        for (var record : records) {
            try {
                parsed.add(new Parsed(record, parser.parse(record.value() == null ? new byte[0] : record.value())));
            } catch (InvalidEventException e) {
                refused.add(new Refused(record, reason(e)));
            }
        }
        refused.addAll(write(parsed));
        // Only after the valid events are committed: a crash in between redelivers, and rewrites, harmlessly.
        for (Refused r : refused) {
            deadLetters.send(r.record(), r.reason());
        }
        acknowledgment.acknowledge();
        written.increment(records.size() - refused.size());
        invalid.increment(refused.size());
    }

    /**
     * Writes the events, one submission each: the writer still commits them together, but retries a failed group
     * event by event, so an event the database refuses for good (returned, to be dead-lettered) cannot fail the
     * others. A transient failure (database unavailable, write queue full) propagates, unacknowledged, to the
     * container's error handler, which retries the whole poll with back-off.
     */
    private List<Refused> write(List<Parsed> events) {
        var commits = events.stream()
                .map(p -> writer.submit(List.of(p.event()), EventSource.KAFKA))
                .toList();
        var refused = new ArrayList<Refused>();
        RuntimeException transientFailure = null;
        for (int i = 0; i < commits.size(); i++) {
            try {
                commits.get(i).join();
            } catch (CompletionException e) {
                if (isTransient(e.getCause())) {
                    transientFailure = new IllegalStateException("Events not written; the poll will be retried", e);
                } else {
                    refused.add(new Refused(events.get(i).record(), "not writable: " + e.getCause()));
                }
            }
        }
        if (transientFailure != null) {
            throw transientFailure;
        }
        return refused;
    }

    /**
     * Where and what, without the record's content: the parser's message for malformed JSON quotes the offending
     * token, which could be anything, so only its kind is kept.
     */
    static String reason(InvalidEventException e) {
        return e.violations().stream()
                .limit(5)
                .map(v -> {
                    String detail = v.detail().startsWith("malformed JSON") ? "malformed JSON" : v.detail();
                    return v.field().isEmpty() ? detail : v.field() + ": " + detail;
                })
                .collect(Collectors.joining("; "));
    }

    private static boolean isTransient(Throwable failure) {
        // The failures the HTTP endpoint answers with 503, and any the driver itself would retry.
        return RetryLater.is(failure) || failure instanceof RetryableException;
    }

    private record Parsed(ConsumerRecord<String, byte[]> record, LineageEvent event) {}

    private record Refused(ConsumerRecord<String, byte[]> record, String reason) {}
}
