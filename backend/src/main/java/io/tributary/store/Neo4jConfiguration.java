package io.tributary.store;

import io.tributary.TributaryProperties;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
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

    @Bean(destroyMethod = "close")
    @Lazy
    EmbeddedNeo4j embeddedNeo4j(TributaryProperties properties) {
        return new EmbeddedNeo4j(
                properties.dataDir().resolve("neo4j"),
                properties.embedded().pageCache().toBytes(),
                properties.embedded().transactionMemory().toBytes());
    }

    @Bean(destroyMethod = "close")
    Driver neo4jDriver(Neo4jProperties neo4j, ObjectProvider<EmbeddedNeo4j> embedded) {
        var config = Config.builder()
                .withMaxConnectionPoolSize(64)
                .withConnectionAcquisitionTimeout(10, TimeUnit.SECONDS)
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(15, TimeUnit.SECONDS)
                .build();
        if (neo4j.external()) {
            var auth =
                    neo4j.password() == null ? AuthTokens.none() : AuthTokens.basic(neo4j.username(), neo4j.password());
            return GraphDatabase.driver(neo4j.uri(), auth, config);
        }
        return GraphDatabase.driver(embedded.getObject().boltUri(), AuthTokens.none(), config);
    }
}
