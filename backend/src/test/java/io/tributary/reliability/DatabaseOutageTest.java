package io.tributary.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.TributaryApplication;
import io.tributary.ingest.EventIntake;
import io.tributary.log.Neo4jEventLog;
import io.tributary.testing.ChildJvm;
import io.tributary.testing.Neo4jServerProcess;
import io.tributary.testing.UncheckedHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * External-database mode with the database killed under the service: ingest answers 503 + Retry-After (problem
 * details) at once while Neo4j is unreachable, recovers without a restart once it is back on the same port, and
 * nothing acknowledged is lost.
 */
@Tag(ChildJvm.TAG)
class DatabaseOutageTest {

    private static final String API_KEY = "outage-test-key";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final Duration READY = Duration.ofSeconds(120);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Neo4jServerProcess database;
    private static ConfigurableApplicationContext service;

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.kill();
        }
    }

    @Test
    void ingestAnswers503WithRetryAfterWhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        Path home = Files.createTempDirectory("tributary-outage-neo4j-");
        database = startOnAPortOutsideTheEphemeralRange(home);
        int boltPort = database.boltUri().getPort();
        service = new SpringApplicationBuilder(TributaryApplication.class)
                .properties(
                        "tributary.api-key=" + API_KEY,
                        "tributary.data-dir=" + Files.createTempDirectory("tributary-outage-"),
                        "neo4j.uri=" + database.boltUri(),
                        "neo4j.username=neo4j",
                        "neo4j.password=" + PASSWORD,
                        // Events being projected when the database went away wait out the outage; on a loaded
                        // machine it outlasts the default 30 s, and the 503s that follow are backpressure, which
                        // ProjectionBackpressureTest covers, not the outage this test is about.
                        "tributary.projection.max-lag=10m",
                        "tributary.ingest.warm-up=false")
                // an argument, not a default property: application.yaml's port 5000 overrides defaults
                .run("--server.port=0");
        URI lineage = URI.create(
                "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port") + "/api/v1/lineage");
        var events = new GeneratedEvents();
        var acknowledged = new ArrayList<Map<String, Object>>();

        for (int i = 0; i < 20; i++) {
            var event = events.next();
            assertThat(post(lineage, event.json()).statusCode()).isEqualTo(201);
            acknowledged.add(event.expected());
        }

        database.kill();
        // 4 clients, 5 events each, while the database is gone: every one refused with a 503 to retry, none lost.
        List<HttpResponse<String>> duringOutage = Collections.synchronizedList(new ArrayList<>());
        List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        var clients = IntStream.range(0, 4)
                .mapToObj(c -> Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 5; i++) {
                        long started = System.nanoTime();
                        duringOutage.add(post(lineage, events.next().json()));
                        latenciesMs.add(
                                Duration.ofNanos(System.nanoTime() - started).toMillis());
                    }
                }))
                .toList();
        for (Thread client : clients) {
            client.join();
        }
        assertThat(duringOutage).hasSize(20).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":503").contains("unavailable");
        });
        // Clients answered after a failed commit post again at once: those are refused without a commit attempt.
        double refusedAtOnce = service.getBean(MeterRegistry.class)
                .get("tributary.log.refused.events")
                .tag("log", Neo4jEventLog.NAME)
                .counter()
                .count();
        assertThat(refusedAtOnce)
                .as("appends refused without trying the database")
                .isPositive();

        database = Neo4jServerProcess.startAt(PASSWORD, READY, home, boltPort);
        long restarted = System.nanoTime();
        int refusedAfterRestart = 0;
        var first = events.next();
        while (post(lineage, first.json()).statusCode() != 201) {
            refusedAfterRestart++;
            assertThat(Duration.ofNanos(System.nanoTime() - restarted))
                    .as("ingest recovers after the database is back")
                    .isLessThan(READY);
            Thread.sleep(500);
        }
        long recoveryMs = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
        acknowledged.add(first.expected());
        for (int i = 0; i < 19; i++) {
            var event = events.next();
            assertThat(post(lineage, event.json()).statusCode()).isEqualTo(201);
            acknowledged.add(event.expected());
        }

        // Acknowledged means in the event log (the Neo4j log here); the graph is read once the projector is through.
        assertThat(service.getBean(EventIntake.class).awaitProjection(Duration.ofMinutes(2)))
                .as("every acknowledged event projected")
                .isTrue();
        try (var driver = GraphDatabase.driver(database.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
            System.out.printf(
                    "DATABASE OUTAGE: 20 events acknowledged before the kill, 20 posted while down all answered 503"
                            + " (slowest %d ms, median %d ms, %.0f refused without a commit attempt), first 201 %d ms after the database was back"
                            + " (%d refused before), 20 more acknowledged; %d of %d acknowledged found%n",
                    latenciesMs.stream().mapToLong(Long::longValue).max().orElseThrow(),
                    latenciesMs.stream().sorted().toList().get(latenciesMs.size() / 2),
                    refusedAtOnce,
                    recoveryMs,
                    refusedAfterRestart,
                    acknowledged.size()
                            - GraphChecks.differingRuns(driver, acknowledged).size(),
                    acknowledged.size());
            assertThat(GraphChecks.differingRuns(driver, acknowledged)).isEmpty();
            assertThat(GraphChecks.count(driver, "Event")).isEqualTo(acknowledged.size());
            assertThat(GraphChecks.orphanRuns(driver)).isZero();
        }
    }

    /**
     * The database comes back on the same port after the kill, so that port must stay free meanwhile. One the system
     * picked (port 0) lies in Linux's ephemeral range (32768-60999), from which every outgoing connection on the machine
     * draws its local port: another build's loopback client could hold it at the restart. Below that range only a
     * process binding that very port could. Tried a few times in case a probed port is taken before the server binds.
     */
    private static Neo4jServerProcess startOnAPortOutsideTheEphemeralRange(Path home) {
        var random = new Random();
        IllegalStateException failed = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (var probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // free now
            } catch (IOException taken) {
                continue;
            }
            try {
                return Neo4jServerProcess.startAt(PASSWORD, READY, home, port);
            } catch (IllegalStateException e) {
                failed = e;
            }
        }
        throw failed != null ? failed : new IllegalStateException("no free port found below the ephemeral range");
    }

    private static HttpResponse<String> post(URI uri, String json) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return UncheckedHttp.send(HTTP, request, HttpResponse.BodyHandlers.ofString());
    }
}
