package io.tributary.bench;

import java.net.URI;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A fresh embedded Neo4j in the benchmark's JVM, set up as the service sets up its own (Bolt on loopback, no auth, 512
 * MiB page cache, 512 MiB transaction memory) and reached over Bolt as the service reaches it: for measures that need
 * many fresh stores ({@link VersionCost}), where starting the service each time would take longer than the measure.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final DatabaseManagementService dbms;
    private final URI boltUri;

    EmbeddedDatabase(Path home) {
        this.dbms = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(BoltConnector.enable_discovery, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 512 * MIB)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, 512 * MIB)
                .build();
        var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int port = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        this.boltUri = URI.create("bolt://127.0.0.1:" + port);
    }

    String boltUri() {
        return boltUri.toString();
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
