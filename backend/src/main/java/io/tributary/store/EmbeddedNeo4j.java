package io.tributary.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j inside this JVM, reached only through its Bolt connector so that the service talks to it exactly as it
 * talks to an external server. Bolt is bound to loopback on a free port; authentication is off because nothing
 * outside this host can connect.
 */
final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService dbms;
    private final URI boltUri;

    EmbeddedNeo4j(Path home, long pageCacheBytes, long transactionMemoryBytes, Path configFile) {
        long started = System.nanoTime();
        var builder = new DatabaseManagementServiceBuilder(home.toAbsolutePath());
        if (configFile != null) {
            if (!Files.isReadable(configFile)) {
                throw new IllegalStateException(
                        "TRIBUTARY_EMBEDDED_CONFIG_FILE " + configFile.toAbsolutePath() + " cannot be read");
            }
            // First, so that the settings below, which keep the database private to this process, win.
            builder.loadPropertiesFromFile(configFile.toAbsolutePath());
            log.info("Embedded Neo4j settings read from {}", configFile.toAbsolutePath());
        }
        builder.setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(BoltConnector.enable_discovery, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, transactionMemoryBytes)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 days 2G")
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(100))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
        this.dbms = start(builder, home);
        var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        this.boltUri = URI.create("bolt://127.0.0.1:" + address.getPort());
        log.info(
                "Embedded Neo4j started in {} ms, store at {}, Bolt on {}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                home.toAbsolutePath(),
                boltUri);
    }

    /**
     * Starts the database; a store another process holds (a second Tributary on the same data directory) is a one-line
     * start-up failure naming the directory, not Neo4j's nested trace with the cause at its end.
     */
    private static DatabaseManagementService start(DatabaseManagementServiceBuilder builder, Path home) {
        try {
            return builder.build();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof FileLockException) {
                    Path dataDir = home.toAbsolutePath().getParent();
                    throw new Neo4jUnavailableException(
                            "The data directory " + dataDir + " is in use by another process (another Tributary on"
                                    + " the same TRIBUTARY_DATA_DIR?): its embedded database is locked.",
                            "Stop the other process, or give this one its own TRIBUTARY_DATA_DIR.",
                            e);
                }
            }
            throw e;
        }
    }

    URI boltUri() {
        return boltUri;
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
