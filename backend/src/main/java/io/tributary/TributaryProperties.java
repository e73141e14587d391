package io.tributary;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Service-wide settings. Environment variables map by relaxed binding: {@code TRIBUTARY_DATA_DIR} is
 * {@code tributary.data-dir}. The keys, under the same prefix, are {@code access/AccessProperties}.
 *
 * @param dataDir where the embedded database, the generated key and other local state live
 * @param ingest limits and batching of the ingest path
 * @param embedded sizing of the embedded Neo4j (ignored with {@code NEO4J_URI})
 * @param exposeSourceCode whether the API returns jobs' source code ({@code sourceCode} facet); off by default because
 *     code can embed credentials and business logic that lineage readers need not see
 */
@ConfigurationProperties("tributary")
public record TributaryProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue Ingest ingest,
        @DefaultValue Embedded embedded,
        @DefaultValue("false") boolean exposeSourceCode) {

    /**
     * @param maxBodySize largest request body accepted, after gzip decompression
     * @param maxBatchEvents most events accepted in one {@code /lineage/batch} request
     * @param groupCommitMaxEvents most events coalesced into one database transaction
     * @param queueCapacity events waiting for the writer before ingest answers 503
     * @param writeTimeout how long a request waits for its events to commit
     * @param warmUp whether the start rehearses the write path before readiness (a start-up runner; seconds on a cold
     *     JVM); off, the first events pay that instead
     */
    public record Ingest(
            @DefaultValue("16MB") DataSize maxBodySize,
            @DefaultValue("1000") int maxBatchEvents,
            @DefaultValue("2000") int groupCommitMaxEvents,
            @DefaultValue("20000") int queueCapacity,
            @DefaultValue("30s") Duration writeTimeout,
            @DefaultValue("true") boolean warmUp) {}

    /**
     * @param pageCache Neo4j page cache size (the store's hot set)
     * @param transactionMemory cap on memory used by all transactions together
     * @param configFile optional file of further Neo4j settings in {@code neo4j.conf} form (query planning, logs,
     *     checkpoints); the settings that keep the database private to this process (loopback Bolt, no HTTP, no
     *     auth on loopback) and the two above always win
     */
    public record Embedded(
            @DefaultValue("512MB") DataSize pageCache,
            @DefaultValue("512MB") DataSize transactionMemory,
            Path configFile) {}
}
