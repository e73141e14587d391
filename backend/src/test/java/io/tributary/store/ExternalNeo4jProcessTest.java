package io.tributary.store;

import io.tributary.testing.ChildJvm;
import io.tributary.testing.Neo4jServerProcess;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** External mode against a Neo4j server in a child JVM: runs everywhere, no Docker needed. */
@Tag(ChildJvm.TAG)
class ExternalNeo4jProcessTest extends ExternalNeo4jModeTest {

    // Generous: the child JVM competes for two cores with the test JVM and with other builds.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private static Neo4jServerProcess server;

    /** Started on first use, when the application context resolves {@code neo4j.uri}. */
    private static synchronized Neo4jServerProcess server() {
        if (server == null) {
            server = Neo4jServerProcess.start(PASSWORD, READY_TIMEOUT);
        }
        return server;
    }

    @DynamicPropertySource
    static void externalNeo4j(DynamicPropertyRegistry registry) {
        registerExternalNeo4j(registry, () -> server().boltUri());
    }

    @AfterAll
    static synchronized void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    URI boltUri() {
        return server().boltUri();
    }
}
