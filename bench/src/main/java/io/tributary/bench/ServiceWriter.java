package io.tributary.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.event.EventParser;
import io.tributary.event.LineageEvent;
import io.tributary.store.GraphStore;
import io.tributary.store.Neo4jProperties;
import io.tributary.write.GraphWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Driver;

/**
 * The service's own write path below HTTP: its parser, and its writer (rows, statements, one transaction per batch)
 * over the benchmark's driver to the running service's database. The ceiling and the statement costs use it, so they
 * measure exactly the rows and statements the service writes.
 */
final class ServiceWriter {

    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final EventParser parser = new EventParser();
    private final GraphWriter writer;

    /** Statements are timed into {@code meters} ({@link GraphStore#WRITES}, by statement name). */
    ServiceWriter(Driver driver, MeterRegistry meters) {
        // The service's default database, which the benchmark's driver reaches; its migrations have run.
        var store = new GraphStore(
                driver,
                new Neo4jProperties(null, "neo4j", null, "neo4j"),
                new GraphStore.ReadLimits(Duration.ofSeconds(10)),
                meters);
        this.writer = new GraphWriter(store);
    }

    /** The events as the service's parser gives them (validated), from the JSON the ingest benchmark posts. */
    List<LineageEvent> parse(List<Workload.Event> events) {
        var parsed = new ArrayList<LineageEvent>(events.size());
        for (var event : events) {
            parsed.add(parser.parse(event.json().getBytes(StandardCharsets.UTF_8)));
        }
        return parsed;
    }

    /** Builds the rows of the batch and writes them in one transaction, as the service's group commit does. */
    void write(List<LineageEvent> batch) {
        writer.write(batch, TIMEOUT);
    }
}
