package io.tributary.store;

import java.net.URI;
import java.net.URISyntaxException;
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

    public boolean external() {
        return uri != null && !uri.toString().isBlank();
    }

    /** The URI as it may appear in messages and logs: without any user info someone put into it. */
    String safeUri() {
        if (uri == null || uri.getRawUserInfo() == null) {
            return String.valueOf(uri);
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null)
                    .toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://<redacted>";
        }
    }

    /** Records print every component; this one must never print the password. */
    @Override
    public String toString() {
        return "Neo4jProperties[uri=" + safeUri() + ", username=" + username + ", password="
                + (password == null ? "<none>" : "<redacted>") + ", database=" + database + "]";
    }
}
