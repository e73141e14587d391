package io.tributary.store;

import io.tributary.TributaryProperties;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * One driver for both modes: an external server when {@code NEO4J_URI} is set, otherwise the embedded database over
 * loopback Bolt. Everything above this class sees only the {@link Driver}.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(Neo4jConfiguration.class);

    @Bean(destroyMethod = "close")
    @Lazy
    EmbeddedNeo4j embeddedNeo4j(TributaryProperties properties) {
        return new EmbeddedNeo4j(
                properties.dataDir().resolve("neo4j"),
                properties.embedded().pageCache().toBytes(),
                properties.embedded().transactionMemory().toBytes(),
                properties.embedded().configFile());
    }

    @Bean(destroyMethod = "close")
    Driver neo4jDriver(Neo4jProperties neo4j, ObjectProvider<EmbeddedNeo4j> embedded) {
        var config = Config.builder()
                .withMaxConnectionPoolSize(64)
                // A request must not hang while the database is down: the connect attempt, waiting for a pooled
                // connection and the retries of a transaction are all bounded to a few seconds, after which ingest
                // answers 503 with Retry-After (deadlocks and leader switches still get retried within that time).
                .withConnectionAcquisitionTimeout(5, TimeUnit.SECONDS)
                .withConnectionTimeout(3, TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(3, TimeUnit.SECONDS)
                // Through SLF4J, so that Logback's level (org.neo4j: warn) decides before anything is formatted: with
                // the driver's default System.Logger logging, every Bolt message was rendered to a debug string,
                // parameters included (thousands of ingest rows per statement), ~10% of the service's CPU in ingest.
                .withLogging(Logging.slf4j())
                .build();
        if (neo4j.external()) {
            return externalDriver(neo4j, config);
        }
        return GraphDatabase.driver(embedded.getObject().boltUri(), AuthTokens.none(), config);
    }

    /**
     * Connects and authenticates once before anything else runs: migrations must apply, so an external server that
     * cannot be used is a start-up failure that names {@code NEO4J_URI}, not a half-working service. The password
     * goes to the driver only; messages carry the URI without user info.
     */
    private static Driver externalDriver(Neo4jProperties neo4j, Config config) {
        var auth = neo4j.password() == null ? AuthTokens.none() : AuthTokens.basic(neo4j.username(), neo4j.password());
        String target = "the Neo4j server at NEO4J_URI=" + neo4j.safeUri() + " as user '" + neo4j.username() + "'";
        Driver driver;
        try {
            driver = GraphDatabase.driver(neo4j.uri(), auth, config);
        } catch (IllegalArgumentException e) {
            throw new Neo4jUnavailableException(
                    "Cannot use NEO4J_URI=" + neo4j.safeUri() + ": " + e.getMessage(),
                    "Set NEO4J_URI to neo4j://host:7687 (server or cluster) or bolt://host:7687 (one server),"
                            + " or unset it to use the embedded database.",
                    e);
        }
        try {
            driver.verifyConnectivity();
            log.info("Using the external Neo4j server at {} (database '{}')", neo4j.safeUri(), neo4j.database());
            return driver;
        } catch (AuthenticationException e) {
            driver.close();
            throw new Neo4jUnavailableException(
                    "Cannot log in to " + target + ": authentication failed"
                            + (neo4j.password() == null ? " (NEO4J_PASSWORD is not set)." : "."),
                    "Check NEO4J_USERNAME and NEO4J_PASSWORD.",
                    e);
        } catch (RuntimeException e) {
            driver.close();
            throw new Neo4jUnavailableException(
                    "Cannot connect to " + target + ": " + e.getMessage(),
                    "Check that the server is running and reachable from this host, or unset NEO4J_URI to use the"
                            + " embedded database.",
                    e);
        }
    }
}
