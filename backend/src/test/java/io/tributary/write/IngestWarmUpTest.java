package io.tributary.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.TributaryApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Readiness means ready to ingest at normal speed: the service reports {@code ACCEPTING_TRAFFIC} only once the ingest
 * warm-up has parsed, validated and rehearsed its writes, and the rehearsal leaves the store empty. Turned off
 * ({@code tributary.ingest.warm-up=false}, as the suite's child-JVM services run), the service is ready without it.
 */
class IngestWarmUpTest {

    private static final String KEY = "warm-up-test-key";

    @TempDir
    Path dataDir;

    @Test
    void readinessComesAfterTheWarmUpWhichWritesNothing() throws Exception {
        var warmUpsWhenReady = new AtomicReference<Long>();
        try (var service = start(warmUpsWhenReady)) {
            assertThat(warmUpsWhenReady.get())
                    .as("completed warm-ups when readiness turned to ACCEPTING_TRAFFIC")
                    .isEqualTo(1L);

            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(baseUri(service).resolve("/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"UP\"");

            try (var session = service.getBean(Driver.class).session()) {
                assertThat(session.run("MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n")
                                .single()
                                .get("n")
                                .asLong())
                        .as("nodes written by the warm-up")
                        .isZero();
            }
        }
    }

    @Test
    void withTheWarmUpOffTheServiceIsReadyWithoutItAndIngestsTheFirstEvent() throws Exception {
        var warmUpsWhenReady = new AtomicReference<Long>();
        try (var service = start(warmUpsWhenReady, "tributary.ingest.warm-up=false")) {
            assertThat(warmUpsWhenReady.get())
                    .as("completed warm-ups when readiness turned to ACCEPTING_TRAFFIC")
                    .isZero();
            byte[] event;
            try (var in = IngestWarmUpTest.class
                    .getClassLoader()
                    .getResourceAsStream("samples/openlineage/spark/compat-tests-cll/7.json")) {
                event = in.readAllBytes();
            }
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(baseUri(service).resolve("/api/v1/lineage"))
                                    .header("Authorization", "Bearer " + KEY)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    /** The service on a free port, noting in {@code warmUpsWhenReady} the warm-ups done when it turned ready. */
    private ConfigurableApplicationContext start(AtomicReference<Long> warmUpsWhenReady, String... properties) {
        ApplicationListener<AvailabilityChangeEvent<?>> readiness = event -> {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                var meters = ((ApplicationContext) event.getSource()).getBean(MeterRegistry.class);
                Timer warmUp = meters.find(IngestWarmUp.TIMER).timer();
                warmUpsWhenReady.set(warmUp == null ? 0 : warmUp.count());
            }
        };
        return new SpringApplicationBuilder(TributaryApplication.class)
                .listeners(readiness)
                .properties("tributary.api-key=" + KEY, "tributary.data-dir=" + dataDir)
                .properties(properties)
                // an argument, not a default property: application.yaml's port 5000 overrides defaults
                .run("--server.port=0");
    }

    private static URI baseUri(ApplicationContext service) {
        return URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"));
    }
}
