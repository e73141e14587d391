package io.tributary.demo;

import io.tributary.TributaryProperties;
import io.tributary.event.EventParser;
import io.tributary.event.LineageEvent;
import io.tributary.ingest.EventIntake;
import io.tributary.log.EventSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fills the store with {@link DemoEvents} at start-up, through the parser and writer that HTTP ingest uses, before
 * the service reports itself ready. Sending them again on every start is harmless: stored events are recognised by
 * their content hash and every graph rule is idempotent.
 */
@Component
@ConditionalOnBooleanProperty(DemoMode.ENABLED)
public class DemoLoader implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    /** As the ingest warm-up's bound: nobody waits on a service that is not ready yet, and a loaded machine is slow. */
    private static final Duration PROJECTION_WAIT = Duration.ofMinutes(5);

    private final EventParser parser;
    private final EventIntake writer;
    private final TributaryProperties properties;
    private final Environment environment;

    DemoLoader(EventParser parser, EventIntake writer, TributaryProperties properties, Environment environment) {
        this.parser = parser;
        this.writer = writer;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        int events = load();
        String store = environment.getProperty("neo4j.uri", "").isBlank()
                ? properties.dataDir().toAbsolutePath().normalize().toString()
                : "the Neo4j server at NEO4J_URI";
        log.info(
                "Demo loaded: {} recorded OpenLineage events (Spark, Airflow, dbt, Great Expectations) in {}."
                        + " Open http://localhost:{}/",
                events,
                store,
                environment.getProperty("local.server.port", "5000"));
    }

    /**
     * Parses, validates and commits every demo event (one transaction, or one append to the event log), and with a log
     * waits until they are projected: the demo is in the graph when the service reports ready. Returns how many were
     * sent.
     */
    public int load() {
        List<LineageEvent> events = DemoEvents.all().stream()
                .map(json -> parser.parse(json.getBytes(StandardCharsets.UTF_8)))
                .toList();
        writer.submit(events, EventSource.HTTP).join();
        if (!writer.awaitProjection(PROJECTION_WAIT)) {
            log.warn(
                    "The demo's events are logged but not all in the graph after {}; the projector goes on",
                    PROJECTION_WAIT);
        }
        return events.size();
    }

    /** After the ingest warm-up, which has the write path planned before this first real write. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
