package io.tributary.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.TributaryProperties;
import io.tributary.access.WriteAccess;
import io.tributary.event.EventParser;
import io.tributary.event.EventParser.BatchItem;
import io.tributary.event.LineageEvent;
import io.tributary.event.Violation;
import io.tributary.log.EventSource;
import io.tributary.problem.FailureDetail;
import io.tributary.problem.ProblemException;
import io.tributary.problem.Problems;
import io.tributary.projection.ReadYourWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The OpenLineage HTTP endpoint ({@code OPENLINEAGE_URL} + {@code /api/v1/lineage}). A 201 means the event is
 * durable: appended to the event log (its position in {@value ReadYourWrites#POSITION}), or, without a log, committed
 * to the database, archive and graph together. Needs an ingest key.
 */
@RestController
@WriteAccess
@RequestMapping("/api/v1/lineage")
@FailureDetail("The event was not stored")
class LineageController {

    private final RequestBodies bodies;
    private final EventParser parser;
    private final EventIntake intake;
    private final int maxBatchEvents;
    private final Counter accepted;
    private final Counter rejected;

    LineageController(
            RequestBodies bodies,
            EventParser parser,
            EventIntake intake,
            TributaryProperties properties,
            MeterRegistry meters) {
        this.bodies = bodies;
        this.parser = parser;
        this.intake = intake;
        this.maxBatchEvents = properties.ingest().maxBatchEvents();
        this.accepted = meters.counter("tributary.ingest.events", "outcome", "accepted");
        this.rejected = meters.counter("tributary.ingest.events", "outcome", "rejected");
    }

    @PostMapping
    Mono<ResponseEntity<Void>> post(ServerHttpRequest request) {
        return bodies.read(request)
                .publishOn(Schedulers.boundedElastic())
                .map(parser::parse)
                .doOnError(e -> rejected.increment())
                .flatMap(event -> Mono.fromFuture(() -> intake.submit(List.of(event), EventSource.HTTP)))
                .doOnNext(ack -> accepted.increment())
                .map(ack -> acknowledged(ResponseEntity.status(HttpStatus.CREATED), ack)
                        .build());
    }

    /**
     * The spec's batch endpoint: each event is validated on its own; the valid ones are committed together and the
     * answer lists which indexes failed and why.
     */
    @PostMapping("/batch")
    Mono<ResponseEntity<BatchAnswer>> postBatch(ServerHttpRequest request) {
        return bodies.read(request)
                .publishOn(Schedulers.boundedElastic())
                .map(body -> parser.parseBatch(body, maxBatchEvents))
                .flatMap(items -> {
                    List<LineageEvent> valid = items.stream()
                            .filter(i -> i.event() != null)
                            .map(BatchItem::event)
                            .toList();
                    rejected.increment(items.size() - valid.size());
                    if (valid.isEmpty() && !items.isEmpty()) {
                        return Mono.error(new InvalidBatchException(items));
                    }
                    if (valid.isEmpty()) {
                        return Mono.just(ResponseEntity.ok(BatchAnswer.of(items, 0)));
                    }
                    return Mono.fromFuture(() -> intake.submit(valid, EventSource.HTTP))
                            .doOnNext(ack -> accepted.increment(valid.size()))
                            .map(ack ->
                                    acknowledged(ResponseEntity.ok(), ack).body(BatchAnswer.of(items, valid.size())));
                });
    }

    /** With a log, the position the events were appended at: a client may send it back to read them anywhere. */
    private static ResponseEntity.BodyBuilder acknowledged(
            ResponseEntity.BodyBuilder response, EventIntake.Acknowledged ack) {
        if (ack.position() != null) {
            response.header(
                    ReadYourWrites.POSITION, Long.toString(ack.position().value()));
        }
        return response;
    }

    /** The batch endpoint's answer, as the OpenLineage spec names its fields. */
    record BatchAnswer(
            String status,
            Summary summary,
            @JsonProperty("failed_events") List<FailedEvent> failedEvents) {

        record Summary(
                int received,
                int successful,
                int failed,
                int retriable,
                @JsonProperty("non_retriable") int nonRetriable) {}

        /** An invalid event of the batch: never worth retrying as it is. */
        record FailedEvent(int index, String reason, boolean retriable, List<Map<String, String>> errors) {}

        static BatchAnswer of(List<BatchItem> items, int successful) {
            List<FailedEvent> failed = items.stream()
                    .filter(item -> item.error() != null)
                    .map(item -> new FailedEvent(
                            item.index(),
                            item.error().getMessage(),
                            false,
                            Problems.errors(item.error().violations())))
                    .toList();
            return new BatchAnswer(
                    failed.isEmpty() ? "success" : "partial_success",
                    new Summary(items.size(), successful, failed.size(), 0, failed.size()),
                    failed);
        }
    }

    /** Every event of a batch was invalid; nothing was written. */
    static final class InvalidBatchException extends ProblemException {
        private final transient List<BatchItem> items;

        InvalidBatchException(List<BatchItem> items) {
            super(HttpStatus.BAD_REQUEST, "No event of the batch is valid");
            this.items = items;
        }

        /** Every violation of every event, as one invalid event's problem. */
        @Override
        public ProblemDetail problem() {
            var violations = new ArrayList<Violation>();
            items.forEach(item -> violations.addAll(item.error().violations()));
            ProblemDetail problem = Problems.invalidEvent(violations);
            problem.setDetail("No event of the batch is valid; first: " + Problems.describe(violations.getFirst()));
            return problem;
        }
    }
}
