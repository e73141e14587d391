package io.tributary.log;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.TributaryProperties;
import io.tributary.store.GraphStore;
import io.tributary.store.Neo4jProperties;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The event log bean, present only when {@code tributary.log.mode} is not {@code none} ({@link LogEnabled}).
 *
 * <p>Which log may acknowledge: with an external database an acknowledged event must survive the loss of the replica
 * that took it, disk included, so a file on that replica does not qualify there and {@code file} is refused at start.
 * The embedded database lives on the same disk as the file, so there the file loses nothing the database would keep;
 * {@code auto} picks the file there and the database otherwise.
 */
@Configuration(proxyBeanMethods = false)
class EventLogConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(LogEnabled.class)
    EventLog eventLog(
            EventLogProperties log,
            TributaryProperties service,
            Neo4jProperties neo4j,
            ObjectProvider<GraphStore> store,
            MeterRegistry meters) {
        boolean external = neo4j.uri() != null && !neo4j.uri().toString().isBlank();
        var mode = log.mode() == EventLogProperties.Mode.AUTO
                ? (external ? EventLogProperties.Mode.NEO4J : EventLogProperties.Mode.FILE)
                : log.mode();
        if (mode == EventLogProperties.Mode.NEO4J) {
            return new Neo4jEventLog(store.getObject(), log.neo4jSettings(), meters);
        }
        if (external) {
            throw new IllegalStateException("tributary.log.mode=file keeps acknowledged events on this replica's disk"
                    + " only, but NEO4J_URI names an external database, whose events must survive the loss of a"
                    + " replica: use tributary.log.mode=neo4j");
        }
        Path dir = log.dir() != null ? log.dir() : service.dataDir().resolve("event-log");
        return FileEventLog.open(dir, log.fileSettings(), meters);
    }
}
