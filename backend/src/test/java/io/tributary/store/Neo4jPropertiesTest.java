package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class Neo4jPropertiesTest {

    @Test
    void neverPrintsThePassword() {
        var properties = new Neo4jProperties(URI.create("neo4j://db:7687"), "neo4j", "s3cret-pw", "neo4j");

        assertThat(properties.toString()).doesNotContain("s3cret-pw").contains("neo4j://db:7687", "<redacted>");
    }

    @Test
    void safeUriDropsCredentialsWrittenIntoTheUri() {
        var properties = new Neo4jProperties(
                URI.create("neo4j+s://admin:s3cret-pw@db.example.com:7687"), "neo4j", null, "neo4j");

        assertThat(properties.safeUri()).isEqualTo("neo4j+s://db.example.com:7687");
        assertThat(properties.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void blankUriMeansEmbedded() {
        assertThat(new Neo4jProperties(URI.create(""), "neo4j", null, "neo4j").external())
                .isFalse();
        assertThat(new Neo4jProperties(null, "neo4j", null, "neo4j").external()).isFalse();
        assertThat(new Neo4jProperties(URI.create("bolt://db:7687"), "neo4j", null, "neo4j").external())
                .isTrue();
    }
}
