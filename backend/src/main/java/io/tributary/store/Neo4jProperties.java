package io.tributary.store;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An external Neo4j server or cluster ({@code NEO4J_URI}, {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}). Without a
 * URI the service starts its own embedded database.
 */
@ConfigurationProperties("neo4j")
public record Neo4jProperties(
        URI uri,
        @DefaultValue("neo4j") String username,
        String password,
        @DefaultValue("neo4j") String database) {

    boolean external() {
        return uri != null && !uri.toString().isBlank();
    }
}
