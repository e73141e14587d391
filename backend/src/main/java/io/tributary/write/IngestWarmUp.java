package io.tributary.write;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.TributaryProperties;
import io.tributary.event.EventParser;
import io.tributary.event.LineageEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Readiness means ready to ingest at normal speed. On a fresh JVM the first event paid for loading and compiling the
 * JSON schemas, Jackson's and the mappers' first use, and the database planning each ingest statement: seconds, more
 * than a client's timeout under load. Before the service reports ready (Boot publishes {@code ACCEPTING_TRAFFIC} only
 * after every {@link ApplicationRunner} returned), this parses and validates recorded events shipped in the jar and
 * runs every ingest statement for them in a transaction that is rolled back: nothing is written. With an event log the
 * projector's window transaction is rehearsed the same way ({@link WriteRehearsal}).
 */
@Component
class IngestWarmUp implements ApplicationRunner, Ordered {

    /** The timer of the warm-up (count 1 once it ran). */
    static final String TIMER = "tributary.ingest.warmup";

    private static final Logger log = LoggerFactory.getLogger(IngestWarmUp.class);

    /**
     * Between them every ingest statement gets rows: a Spark event (schema, column lineage, symlinks, output
     * statistics, parent run) and the OpenLineage client's full example (quality assertions, tags, documentation).
     */
    private static final List<String> SAMPLES = List.of(
            "samples/openlineage/spark/compat-tests-cll/7.json",
            "samples/openlineage/spec-examples/python_client__example_full_event.json");

    /**
     * Not the ingest write timeout: planning every statement for the first time took over 30 s on a machine at load
     * 20, and nobody waits on this transaction (the service is not ready yet).
     */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final boolean enabled;
    private final EventParser parser;
    private final GraphWriter writer;
    private final List<WriteRehearsal> others;
    private final Timer timer;

    IngestWarmUp(
            TributaryProperties properties,
            EventParser parser,
            GraphWriter writer,
            ObjectProvider<WriteRehearsal> others,
            MeterRegistry meters) {
        this.enabled = properties.ingest().warmUp();
        this.parser = parser;
        this.writer = writer;
        this.others = others.orderedStream().toList();
        this.timer = Timer.builder(TIMER)
                .description("Parsing, validating and rehearsing the writes of bundled events before readiness")
                .register(meters);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            log.info("Ingest warm-up off (tributary.ingest.warm-up): the first events pay for the cold write path");
            return;
        }
        long started = System.nanoTime();
        try {
            List<LineageEvent> events =
                    SAMPLES.stream().map(IngestWarmUp::read).map(parser::parse).toList();
            writer.rehearse(events, TIMEOUT);
            // With an event log the projector writes the graph: its window, not the ingest's commit, is what the
            // first events wait for (a read waits for it only so long, 5 s by default).
            for (WriteRehearsal other : others) {
                other.rehearse(events, TIMEOUT);
            }
        } catch (RuntimeException e) {
            // Not worth failing the start: the service still ingests correctly, only the first events are slower.
            log.warn("Ingest warm-up failed, the first events may be slow: {}", e.toString());
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        timer.record(took);
        log.info("Ingest warmed up in {} ms (nothing written)", took.toMillis());
    }

    private static byte[] read(String resource) {
        try (InputStream in = IngestWarmUp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The jar holds no " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First among the start-up runners: whatever runs after it (the demo's load) finds the write path warm. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
