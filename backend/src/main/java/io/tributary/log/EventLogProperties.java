package io.tributary.log;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The durable event log ({@code tributary.log.*}). With a log, ingest acknowledges once its events are appended and
 * the projector builds the graph from the log; with {@code none}, ingest acknowledges after the graph commit.
 *
 * @param mode {@code none}, {@code file} (segment files in {@code dir}; embedded database only, see
 *     {@link EventLogConfiguration}), {@code neo4j} (the {@code (:Event)} archive, in the database) or {@code auto}
 *     (file with the embedded database, neo4j with an external one)
 * @param dir where the file log lives; by default {@code <data dir>/event-log}
 * @param segmentSize a file segment is closed at this size
 * @param groupMaxEvents most events made durable by one fsync or one transaction
 * @param groupMaxSize most (compressed) bytes made durable by one fsync or one transaction
 * @param queueCapacity appends waiting for the log's writer before an append fails at once
 * @param writeTimeout the database aborts a group's transaction that runs longer (Neo4j log)
 */
@ConfigurationProperties("tributary.log")
public record EventLogProperties(
        @DefaultValue("auto") Mode mode,
        Path dir,
        @DefaultValue("64MB") DataSize segmentSize,
        @DefaultValue("2000") int groupMaxEvents,
        @DefaultValue("16MB") DataSize groupMaxSize,
        @DefaultValue("20000") int queueCapacity,
        @DefaultValue("30s") Duration writeTimeout) {

    public enum Mode {
        NONE,
        FILE,
        NEO4J,
        AUTO
    }

    FileEventLog.Settings fileSettings() {
        return new FileEventLog.Settings(segmentSize.toBytes(), groupMaxEvents, groupMaxSize.toBytes(), queueCapacity);
    }

    Neo4jEventLog.Settings neo4jSettings() {
        return new Neo4jEventLog.Settings(groupMaxEvents, groupMaxSize.toBytes(), queueCapacity, writeTimeout);
    }
}
