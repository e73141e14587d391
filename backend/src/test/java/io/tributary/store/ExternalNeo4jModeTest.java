package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.TributaryApplication;
import io.tributary.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service against a separate Neo4j server with authentication on, as in production with {@code NEO4J_URI}.
 * Subclasses provide the server (a child JVM, or a container where Docker exists); the assertions are shared.
 *
 * <p>Output is captured from before the application context starts, so "the password is never logged" covers
 * start-up too. The context is closed after the class because the server it points at goes away.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "tributary.api-key=" + ExternalNeo4jModeTest.API_KEY)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
abstract class ExternalNeo4jModeTest {

    static final String API_KEY = "external-mode-key";
    /** Random per run, so that finding it in the output can only mean it was logged. */
    static final String PASSWORD = "pw-" + UUID.randomUUID();

    private static final Path DATA_DIR = tempDir("tributary-external-");
    private static final String CTAS_RUN = "019127df-0850-72bc-b214-b255290588a6";
    private static final String APP_RUN = "019127de-fd25-7707-bfa4-3ec02693a531";

    @Autowired
    WebTestClient web;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeEach
    void patientClient() {
        // The first write plans every ingest statement; on a busy two-core machine that can exceed the 5 s default.
        web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** The Bolt URI of the server under test, as the service is configured with it. */
    abstract URI boltUri();

    /** What each subclass's {@code @DynamicPropertySource} registers: the NEO4J_* settings and a fresh data dir. */
    static void registerExternalNeo4j(DynamicPropertyRegistry registry, Supplier<Object> boltUri) {
        registry.add("neo4j.uri", boltUri);
        registry.add("neo4j.username", () -> "neo4j");
        registry.add("neo4j.password", () -> PASSWORD);
        registry.add("tributary.data-dir", DATA_DIR::toString);
    }

    @Test
    void ingestsARealSparkRunAndAnswersGraphQlFromTheExternalServer(CapturedOutput output) {
        for (int i = 1; i <= 9; i++) {
            web.post()
                    .uri("/api/v1/lineage")
                    .header("Authorization", "Bearer " + API_KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }

        String query = """
                query($id: ID!) { run(id: $id) {
                  id state startedAt durationMs job { namespace name } parent { id } } }""";
        web.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query, "variables", Map.of("id", CTAS_RUN)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.run.state")
                .isEqualTo("COMPLETED")
                .jsonPath("$.data.run.startedAt")
                .isEqualTo("2024-08-06T13:26:53.776Z")
                .jsonPath("$.data.run.durationMs")
                .isEqualTo(564)
                .jsonPath("$.data.run.job.name")
                .isEqualTo("open_lineage_integration_create_table.execute_create_hive_table_as_select_command"
                        + ".default_tbl1")
                .jsonPath("$.data.run.parent.id")
                .isEqualTo(APP_RUN);
        assertNoSecretIn(output);
    }

    @Test
    void healthReportsTheExternalServerUp(CapturedOutput output) {
        URI uri = boltUri();
        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.neo4j.status")
                .isEqualTo("UP")
                .jsonPath("$.components.neo4j.details.server")
                .value(String.class, server -> assertThat(server).endsWith(":" + uri.getPort()));
        assertNoSecretIn(output);
    }

    @Test
    void startsNoEmbeddedDatabase(CapturedOutput output) {
        assertThat(DATA_DIR.resolve("neo4j")).doesNotExist();
        assertThat(context.getBeanFactory().containsSingleton("embeddedNeo4j")).isFalse();
        assertThat(output).doesNotContain("Embedded Neo4j started").contains("Using the external Neo4j server at");
    }

    @Test
    void wrongPasswordStopsStartUpWithAMessageNamingTheUri(CapturedOutput output) {
        String wrong = "wrong-" + UUID.randomUUID();

        // One attempt only: Neo4j locks a user for a few seconds after three failed logins in a row.
        assertThat(failure(() -> startAnother(boltUri().toString(), wrong)))
                .hasMessageContaining("NEO4J_URI=" + boltUri())
                .hasMessageContaining("authentication failed")
                .hasMessageNotContaining(wrong)
                .hasRootCauseInstanceOf(AuthenticationException.class);
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Check NEO4J_USERNAME and NEO4J_PASSWORD");
        assertThat(output).doesNotContain(wrong);
        assertNoSecretIn(output);
    }

    @Test
    void unreachableServerStopsStartUpWithAMessageNamingTheUri(CapturedOutput output) throws IOException {
        // A port bound by this socket but never listened on: refused for as long as the test holds it, whereas a port
        // merely probed free could be taken by another process before the service tries it.
        try (var reserved = new Socket()) {
            reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String closed = "bolt://127.0.0.1:" + reserved.getLocalPort();

            assertThat(failure(() -> startAnother(closed, PASSWORD)))
                    .isInstanceOf(Neo4jUnavailableException.class)
                    .hasMessageStartingWith("Cannot connect to the Neo4j server at NEO4J_URI=" + closed);
        }
        assertNoSecretIn(output);
    }

    private static void assertNoSecretIn(CapturedOutput output) {
        assertThat(output.getAll()).as("captured output").isNotEmpty().doesNotContain(PASSWORD);
    }

    /** A second instance of the service against {@code uri}, expected not to start. */
    private static ConfigurableApplicationContext startAnother(String uri, String password) {
        return new SpringApplicationBuilder(TributaryApplication.class)
                .main(TributaryApplication.class)
                .properties(
                        "tributary.api-key=" + API_KEY,
                        "tributary.data-dir=" + tempDir("tributary-failing-"),
                        "neo4j.uri=" + uri,
                        "neo4j.username=neo4j",
                        "neo4j.password=" + password,
                        "tributary.ingest.warm-up=false")
                // an argument, not a default property: application.yaml's port 5000 overrides defaults
                .run("--server.port=0");
    }

    /** The {@link Neo4jUnavailableException} that stopped start-up, found in the cause chain. */
    private static Neo4jUnavailableException failure(Supplier<ConfigurableApplicationContext> start) {
        try (var unexpected = start.get()) {
            throw new AssertionError("the service started: " + unexpected);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Neo4jUnavailableException found) {
                    return found;
                }
            }
            throw new AssertionError("start-up failed without Neo4jUnavailableException", e);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
