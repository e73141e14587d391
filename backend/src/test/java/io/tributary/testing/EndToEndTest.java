package io.tributary.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of end-to-end tests: the whole service on a random port with its real embedded Neo4j (one per application
 * context, shared
 * through Spring's context cache), reached over HTTP and Bolt exactly as in production. The graph is emptied before
 * each test; schema constraints and migrations stay.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"tributary.api-key=" + EndToEndTest.API_KEY, "tributary.api-key-previous=" + EndToEndTest.OLD_KEY
        })
@AutoConfigureWebTestClient
@AutoConfigureHttpGraphQlTester
public abstract class EndToEndTest {

    public static final String API_KEY = "test-key-current";
    public static final String OLD_KEY = "test-key-previous";

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected Driver driver;

    /** GraphQL over HTTP at /graphql, as clients and the UI use it. */
    @Autowired
    protected HttpGraphQlTester graphQl;

    /**
     * Each application context gets its own store: a test class with other settings starts a second context while the
     * first stays cached, and two embedded databases cannot share a directory.
     */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        Path dataDir = createDataDir();
        registry.add("tributary.data-dir", dataDir::toString);
    }

    /**
     * Client-side wait for a response. The 5 s default fails healthy requests on a loaded build machine (several
     * builds sharing two cores); server-side limits are what the tests check, not this.
     */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    @BeforeEach
    void patientClients() {
        web = web.mutate().responseTimeout(RESPONSE_TIMEOUT).build();
        graphQl = graphQl.mutate()
                .webTestClient(client -> client.responseTimeout(RESPONSE_TIMEOUT))
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    @BeforeEach
    void emptyGraph() {
        try (var session = driver.session()) {
            session.run("MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
    }

    /** POSTs one event body (as text) to the ingest endpoint with the current API key. */
    protected WebTestClient.ResponseSpec post(String json) {
        return web.post()
                .uri("/api/v1/lineage")
                .header("Authorization", "Bearer " + API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** Runs a read query directly against the graph, for exact assertions on what ingestion wrote. */
    protected java.util.List<Map<String, Object>> query(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.run(cypher, parameters).list(r -> r.asMap());
        }
    }

    protected java.util.List<Map<String, Object>> query(String cypher) {
        return query(cypher, Map.of());
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("tributary-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
