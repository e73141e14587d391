package io.tributary.write;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.event.LineageEvent;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Events as they become visible in the graph, for listeners that react to them (alerts, live subscriptions). The
 * writer never waits for a listener: each subscriber has a bounded buffer, and what overflows it is dropped for that
 * subscriber and counted ({@code tributary.committed.events.dropped}). A listener that must not miss anything reads
 * the graph, not this stream.
 */
@Component
public class CommittedEvents {

    private final Sinks.Many<LineageEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Counter dropped;

    CommittedEvents(MeterRegistry meters) {
        this.dropped = Counter.builder("tributary.committed.events.dropped")
                .description("Committed events a slow listener's buffer could not take")
                .register(meters);
    }

    /** Called by the writer (or the projector) after the events' transaction has committed; never blocks. */
    public void published(List<LineageEvent> events) {
        for (LineageEvent event : events) {
            sink.emitNext(event, (signal, result) -> false);
        }
    }

    /**
     * Every event committed from now on, buffered up to {@code buffer} events for this subscriber; subscribe on a
     * scheduler of your own (the writer thread delivers).
     */
    public Flux<LineageEvent> stream(int buffer) {
        return sink.asFlux()
                .onBackpressureBuffer(buffer, event -> dropped.increment(), BufferOverflowStrategy.DROP_LATEST);
    }

    /** The default per-subscriber buffer. */
    public Flux<LineageEvent> stream() {
        return stream(Queues.SMALL_BUFFER_SIZE * 16);
    }
}
