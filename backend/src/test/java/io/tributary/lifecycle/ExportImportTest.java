package io.tributary.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.ChildJvm;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.ServiceProcess;
import io.tributary.testing.UncheckedHttp;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** NDJSON export of the raw archive and its import through the ingest path, over HTTP and with the two scripts. */
@Tag(ChildJvm.TAG)
class ExportImportTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ARRIVAL = Set.of("source");
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

    private static final String SPARK_NS = "file";
    private static final String SPARK_JOB_NS = "testColumnLevelLineage";
    private static final String SOURCE1 = "/tmp/cll_test/cll_source1";
    private static final String SOURCE2 = "/tmp/cll_test/cll_source2";
    private static final String CTAS =
            "open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1";

    @Test
    void exportThenImportIntoAFreshServiceWithTheScriptsRebuildsTheSameGraph(@TempDir Path dir) throws Exception {
        postAll(fixtureEvents());
        // Soft deletes are part of the graph the import must rebuild, with their times.
        deleteOverRest("datasets", SPARK_NS, SOURCE1).expectStatus().isOk();
        deleteOverRest("jobs", SPARK_JOB_NS, CTAS).expectStatus().isOk();
        // How each event arrived (the archive's source: HTTP here, IMPORT there) is the store's own history, as its
        // arrival time is; everything else is the same graph.
        awaitProjection();
        List<String> original = canonicalGraph(driver, Set.of(), ARRIVAL);
        assertThat(original).filteredOn(line -> line.contains("deleted=")).hasSize(2);
        long archived = (Long) single("MATCH (e:Event) RETURN count(e) AS n");

        Path file = dir.resolve("export.ndjson.gz");
        Script export = script("tributary-export", "--url", "http://127.0.0.1:" + port, file.toString());
        assertThat(export.exitCode()).as(export.output()).isZero();
        // No "#" check: the export's size is not known up front, and curl draws no bar for a transfer that ends
        // before its first progress update.
        assertThat(export.output()).contains("exported " + archived + " events and 2 soft deletes");
        List<String> lines = gunzipLines(Files.readAllBytes(file));
        assertThat(lines).hasSize((int) archived + 2);
        assertThat(lines.subList((int) archived, lines.size()))
                .allMatch(line -> line.startsWith("{\"tributaryDeletion\":"));

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
            assertThat(load.output())
                    .contains("100.0%")
                    .contains("\"events\":" + archived)
                    .contains("\"deletions\":2");
            long importMs = (System.nanoTime() - importStart) / 1_000_000;
            second.awaitProjection(Duration.ofMinutes(3));
            try (var other = GraphDatabase.driver(second.embeddedBoltUri(), AuthTokens.none())) {
                assertThat(canonicalGraph(other, Set.of(), ARRIVAL)).isEqualTo(original);
            }
            System.out.printf(
                    "EXPORT IMPORT: %d events, %d bytes gzip, %d graph lines identical, import script %d ms%n",
                    archived, Files.size(file), original.size(), importMs);
        }
    }

    @Test
    void exportsOneLinePerEventInEventTimeOrderPlainOrGzipAndWithoutHiddenSourceCode() {
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
    void aDeletionRevivedByALaterEventIsNotExportedAndTheEventsOnlyExportLeavesDeletionsOut() {
        postAll(fixtureEvents());
        deleteOverRest("datasets", SPARK_NS, SOURCE1).expectStatus().isOk();
        deleteOverRest("datasets", SPARK_NS, SOURCE2).expectStatus().isOk();
        // An event that mentions cll_source2 (the job that creates it) brings it back: only cll_source1 stays deleted.
        post(Fixtures.text("spark/compat-tests-cll/4.json")).expectStatus().isCreated();

        List<String> deletionLines = lines(export(null)).stream()
                .filter(line -> line.contains("tributaryDeletion"))
                .toList();
        assertThat(deletionLines).singleElement().satisfies(line -> {
            JsonNode deletion = JSON.readTree(line).get("tributaryDeletion");
            assertThat(deletion.get("kind").asString()).isEqualTo("DATASET");
            assertThat(deletion.get("name").asString()).isEqualTo(SOURCE1);
            assertThat(time(deletion.get("deletedAt").asString()))
                    .isEqualTo(single(
                            "MATCH (d:Dataset {namespace: $ns, name: $name}) RETURN d.deleted AS t",
                            Map.of("ns", SPARK_NS, "name", SOURCE1)));
        });
        assertThat(lines(exportPath("/api/v1/export?deletions=false")))
                .hasSize(((Long) single("MATCH (e:Event) RETURN count(e) AS n")).intValue())
                .noneMatch(line -> line.contains("tributaryDeletion"));
    }

    @Test
    void importAppliesDeletionLinesInPlaceSkipsUnknownNodesAndRefusesMalformedOnes() {
        List<String> events = fixtureEvents().subList(0, 9); // the Spark CTAS job's events
        String deleteSource = deletionLine("DATASET", SPARK_NS, SOURCE1, "2026-01-02T03:04:05.678Z");
        String deleteUnknown = deletionLine("JOB", SPARK_NS, "never-seen", "2026-01-02T03:04:05Z");
        var body = new ArrayList<>(events.subList(0, 8));
        body.add(deleteSource);
        body.add(deleteUnknown);

        importNdjson(String.join("\n", body), 500, API_KEY)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.events")
                .isEqualTo(8)
                .jsonPath("$.deletions")
                .isEqualTo(1)
                .jsonPath("$.deletionsSkipped")
                .isEqualTo(1);
        assertThat(single(
                        "MATCH (d:Dataset {namespace: $ns, name: $name}) RETURN d.deleted AS t",
                        Map.of("ns", SPARK_NS, "name", SOURCE1)))
                .isEqualTo(time("2026-01-02T03:04:05.678Z"));

        // A line after the deletion that mentions the dataset (the job that creates it) revives it, as a live event
        // would.
        importNdjson(deleteSource + "\n" + events.get(2), 500, API_KEY)
                .expectStatus()
                .isOk();
        assertThat(single(
                        "MATCH (d:Dataset {namespace: $ns, name: $name}) RETURN d.deleted AS t",
                        Map.of("ns", SPARK_NS, "name", SOURCE1)))
                .isNull();

        long nodes = countNodes();
        Map<String, Object> problem = problem(
                importNdjson(
                        events.get(0) + "\n{\"tributaryDeletion\": {\"kind\": \"RUN\", \"namespace\": \"a\","
                                + " \"name\": \"b\", \"deletedAt\": \"2026-01-01T00:00:00Z\"}}",
                        500,
                        API_KEY),
                400);
        // The bad line shares its batch with line 1, so neither is written, as with a bad event.
        assertThat(problem).containsEntry("line", 2).containsEntry("committedThroughLine", 0);
        assertThat((String) problem.get("detail")).contains("kind must be DATASET or JOB");
        assertThat(countNodes()).isEqualTo(nodes);
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

    private static String deletionLine(String kind, String namespace, String name, String deletedAt) {
        return JSON.writeValueAsString(Map.of(
                "tributaryDeletion",
                Map.of("kind", kind, "namespace", namespace, "name", name, "deletedAt", deletedAt)));
    }

    private byte[] export(String encoding) {
        return export("/api/v1/export", encoding);
    }

    private byte[] exportPath(String path) {
        return export(path, null);
    }

    /** The export's body, with the JDK's client, which (unlike the test client) sends Accept-Encoding as given. */
    private byte[] export(String path, String encoding) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        try (var client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response =
                    UncheckedHttp.send(client, request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
            assertThat(response.headers().firstValue("Content-Encoding"))
                    .isEqualTo(java.util.Optional.ofNullable(encoding));
            return response.body();
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
