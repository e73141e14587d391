package io.tributary.log;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.TributaryProperties;
import io.tributary.store.GraphStore;
import io.tributary.store.Neo4jProperties;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event log bean, present only when {@code tributary.log.mode} names one.
 *
 * <p>Which log may acknowledge: with an external database an acknowledged event must survive the loss of the replica
 * that took it, disk included, so a file on that replica does not qualify there and {@code file} is refused at start.
 * The embedded database lives on the same disk as the file, so there the file loses nothing the database would keep.
 */
@Configuration(proxyBeanMethods = false)
class EventLogConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "tributary.log.mode", havingValue = "file")
    EventLog fileEventLog(
            EventLogProperties log, TributaryProperties service, Neo4jProperties neo4j, MeterRegistry meters) {
        if (neo4j.uri() != null && !neo4j.uri().toString().isBlank()) {
            throw new IllegalStateException("tributary.log.mode=file keeps acknowledged events on this replica's disk"
                    + " only, but NEO4J_URI names an external database, whose events must survive the loss of a"
                    + " replica: use tributary.log.mode=neo4j");
        }
        Path dir = log.dir() != null ? log.dir() : service.dataDir().resolve("event-log");
        return FileEventLog.open(dir, log.fileSettings(), meters);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "tributary.log.mode", havingValue = "neo4j")
    EventLog neo4jEventLog(EventLogProperties log, GraphStore store, MeterRegistry meters) {
        return new Neo4jEventLog(store, log.neo4jSettings(), meters);
    }
}
