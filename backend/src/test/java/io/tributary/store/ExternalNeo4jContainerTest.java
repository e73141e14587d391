package io.tributary.store;

import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * External mode against the official Neo4j image. Runs only with {@code -Ptestcontainers} (the default build excludes
 * the tag so that it never pulls an image unasked) and is skipped where no Docker engine is reachable.
 */
@Tag("testcontainers")
@Testcontainers(disabledWithoutDocker = true)
class ExternalNeo4jContainerTest extends ExternalNeo4jModeTest {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08").withAdminPassword(PASSWORD);

    @DynamicPropertySource
    static void externalNeo4j(DynamicPropertyRegistry registry) {
        registerExternalNeo4j(registry, NEO4J::getBoltUrl);
    }

    @Override
    URI boltUri() {
        return URI.create(NEO4J.getBoltUrl());
    }
}
