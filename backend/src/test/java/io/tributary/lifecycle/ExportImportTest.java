package io.tributary.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.ServiceProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** NDJSON export of the raw archive and its import through the ingest path, over HTTP and with the two scripts. */
class ExportImportTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCRIPTS =
            Path.of("..", "scripts").toAbsolutePath().normalize();

    /** Real events of three producers, each as compact JSON (an archived body is kept as it was sent). */
    private static List<String> fixtureEvents() {
        var events = new ArrayList<String>();
        IntStream.rangeClosed(1, 9)
                .forEach(i -> events.addAll(Fixtures.events("spark/compat-tests-cll/" + i + ".json")));
        IntStream.rangeClosed(1, 8)
                .forEach(i -> events.addAll(Fixtures.events("airflow/compat-tests-bq-dag/line_0" + i + ".json")));
        for (String example : List.of(
                "python_client__example_full_event.json",
                "python_client__serde_example_dataset_event.json",
                "python_client__serde_example_job_event.json")) {
            events.addAll(Fixtures.events("spec-examples/" + example));
        }
        return events;
    }

    @Test
    void exportThenImportIntoAFreshServiceWithTheScriptsRebuildsTheSameGraph(@TempDir Path dir) throws Exception {
        postAll(fixtureEvents());
        List<String> original = canonicalGraph();
        long archived = (Long) single("MATCH (e:Event) RETURN count(e) AS n");

        Path file = dir.resolve("export.ndjson.gz");
        Script export = script("tributary-export", "--url", "http://127.0.0.1:" + port, file.toString());
        assertThat(export.exitCode()).as(export.output()).isZero();
        // No "#" check: the export's size is not known up front, and curl draws no bar for a transfer that ends
        // before its first progress update.
        assertThat(export.output()).contains("exported " + archived + " events");
        List<String> lines = gunzipLines(Files.readAllBytes(file));
        assertThat(lines).hasSize((int) archived);

        String key = "second-service-key";
        try (ServiceProcess second = ServiceProcess.start(
                dir.resolve("second-data"), Map.of("tributary.api-key", key), Duration.ofMinutes(3))) {
            long importStart = System.nanoTime();
            Script load = script(
                    "tributary-import",
                    "--url",
                    second.baseUri().toString(),
                    "--key",
                    key,
                    "--batch-size",
                    "7",
                    file.toString());
            assertThat(load.exitCode()).as(load.output()).isZero();
            assertThat(load.output()).contains("100.0%").contains("\"events\":" + archived);
            long importMs = (System.nanoTime() - importStart) / 1_000_000;
            try (var other = GraphDatabase.driver(second.embeddedBoltUri(), AuthTokens.none())) {
                assertThat(canonicalGraph(other)).isEqualTo(original);
            }
            System.out.printf(
                    "EXPORT IMPORT: %d events, %d bytes gzip, %d graph lines identical, import script %d ms%n",
                    archived, Files.size(file), original.size(), importMs);
        }
    }

    @Test
    void exportsOneLinePerEventInEventTimeOrderPlainOrGzipAndWithoutHiddenSourceCode() throws IOException {
        postAll(fixtureEvents());
        // Pretty-printed as sent, and carrying a sourceCode facet that the default policy hides.
        post(Fixtures.text("airflow/compat-tests-python-dag/line_10.json"))
                .expectStatus()
                .isCreated();

        byte[] plain = export(null);
        byte[] gzip = export("gzip");
        assertThat(gunzipLines(gzip)).isEqualTo(lines(plain));
        List<String> lines = lines(plain);
        assertThat(lines).hasSize(((Long) single("MATCH (e:Event) RETURN count(e) AS n")).intValue());
        var times = new ArrayList<OffsetDateTime>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            times.add(eventTime(event.get("eventTime").asString()));
            assertThat(event.path("job").path("facets").has("sourceCode")).isFalse();
        }
        assertThat(times).isSortedAccordingTo(OffsetDateTime::compareTo);
    }

    @Test
    void importStopsAtAnInvalidLineNamingItAndKeepsOnlyTheWholeBatchesBeforeIt() {
        List<String> events = fixtureEvents().subList(0, 9);
        var body = new ArrayList<>(events.subList(0, 7));
        body.add("{\"eventType\": \"START\", \"eventTime\": \"yesterday\"}");
        body.addAll(events.subList(7, 9));

        Map<String, Object> problem = problem(importNdjson(String.join("\n", body), 3, API_KEY), 400);

        // Lines 1-6 were two whole batches; line 7 shared its batch with the bad line 8, so it is not written.
        assertThat(problem)
                .containsEntry("line", 8)
                .containsEntry("committedThroughLine", 6)
                .containsEntry("eventsImported", 6);
        assertThat(single("MATCH (e:Event) RETURN count(e) AS n")).isEqualTo(6L);

        // Resuming after line 6 without the bad line completes the import.
        var rest = new ArrayList<>(events.subList(6, 9));
        importNdjson("\n" + String.join("\r\n", rest) + "\n\n", 500, API_KEY)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.events")
                .isEqualTo(3);
        assertThat(single("MATCH (e:Event) RETURN count(e) AS n")).isEqualTo(9L);
    }

    @Test
    void importNeedsAnIngestKeyAndAValidBatchSize() {
        String event = fixtureEvents().getFirst();
        problem(importNdjson(event, 10, null), 401);
        problem(importNdjson(event, 10, "not-a-key"), 401);
        problem(importNdjson(event, 0, API_KEY), 400);
        problem(importNdjson(event, 100_000, API_KEY), 400);
        assertThat(countNodes()).isZero();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec importNdjson(
            String body, int batchSize, String key) {
        var request = web.post()
                .uri("/api/v1/import?batchSize=" + batchSize)
                .contentType(MediaType.parseMediaType("application/x-ndjson"));
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    /** The export's body, with the JDK's client, which (unlike the test client) sends Accept-Encoding as given. */
    private byte[] export(String encoding) throws IOException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/export"));
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        try (var client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
            assertThat(response.headers().firstValue("Content-Encoding"))
                    .isEqualTo(java.util.Optional.ofNullable(encoding));
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Producers send zone-less times too, which the service reads as UTC. */
    private static OffsetDateTime eventTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException zoneless) {
            return java.time.LocalDateTime.parse(text).atOffset(java.time.ZoneOffset.UTC);
        }
    }

    private static List<String> lines(byte[] ndjson) {
        return new String(ndjson, StandardCharsets.UTF_8).lines().toList();
    }

    private static List<String> gunzipLines(byte[] gzip) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return lines(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Script(int exitCode, String output) {}

    private static Script script(String name, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(SCRIPTS.resolve(name).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Script(process.exitValue(), output);
    }
}
