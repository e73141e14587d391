package io.tributary.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j server of its own, for tests of the external-database mode: run in a separate JVM by
 * {@link Neo4jServerProcess}, with authentication on, Bolt on loopback and a free port. It prints
 * {@code BOLT_PORT=<port>} once ready and stops when its standard input closes, so it cannot outlive the test JVM
 * even if that one is killed.
 *
 * <p>Arguments: the store directory and, optionally, the Bolt port (to restart a server where clients expect it). The password for user {@code neo4j} comes from the environment variable
 * {@value #PASSWORD_VARIABLE} (not the command line, which any local user can read).
 */
public final class StandaloneNeo4j {

    static final String PASSWORD_VARIABLE = "STANDALONE_NEO4J_PASSWORD";
    static final String READY_PREFIX = "BOLT_PORT=";

    // Neo4j's built-in user starts with password 'neo4j' and must change it; this sets ours as a real server would.
    private static final String SET_PASSWORD = "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED";

    private StandaloneNeo4j() {}

    public static void main(String[] args) throws IOException {
        String password = System.getenv(PASSWORD_VARIABLE);
        if (args.length < 1 || args.length > 2 || password == null) {
            System.err.println(
                    "usage: " + PASSWORD_VARIABLE + "=<password> StandaloneNeo4j <store directory> [<bolt port>]");
            System.exit(2);
        }
        Path store = Path.of(args[0]).toAbsolutePath();
        // Neo4j refuses to set a password to its current value: set it on a new store only, not on a restart.
        boolean fresh = !Files.exists(store);
        var builder = new DatabaseManagementServiceBuilder(store)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(
                        BoltConnector.listen_address,
                        new SocketAddress("127.0.0.1", args.length == 2 ? Integer.parseInt(args[1]) : 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(BoltConnector.enable_discovery, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(100))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            // Such as a Bolt port taken meanwhile: exit (Neo4j's threads would keep this JVM alive) so that the parent
            // fails, or tries another port, at once instead of at its timeout.
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "standalone-neo4j-shutdown"));
        try {
            if (fresh) {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                        .executeTransactionally(SET_PASSWORD, Map.of("password", password));
            }
        } catch (RuntimeException e) {
            // Exit rather than linger half-started: the parent then fails at once instead of at its timeout.
            e.printStackTrace();
            System.exit(1);
        }
        var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int port = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        System.out.println(READY_PREFIX + port);
        System.out.flush();
        // Block until the parent closes our stdin (on purpose or by dying), then stop through the shutdown hook.
        InputStream in = System.in;
        while (in.read() != -1) {
            // ignore input
        }
        System.exit(0);
    }
}
