package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.archive.ArchivedJson;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * How events travel: gzip, chunked transfer, charsets, body limits (16 MB by default, after decompression), media
 * types and malformed bodies. Every refused request leaves the graph empty.
 */
class TransportIngestTest extends EndToEndTest {

    private static final String EVENT = Fixtures.text("spark/compat-tests-cll/1.json");
    private static final String RUN = SparkColumnLineageIngestTest.APP_RUN;
    private static final int LIMIT = 16 * 1024 * 1024;

    private boolean refused;

    @AfterEach
    void nothingWrittenWhenRefused() {
        if (refused) {
            assertThat(countNodes()).isZero();
        }
    }

    @Test
    void answers201OnlyOnceTheEventIsCommitted() {
        post(EVENT).expectStatus().isCreated().expectBody().isEmpty();

        // No waiting: the run must be readable the moment the response arrives.
        assertThat(query("MATCH (r:Run {runId: $id}) RETURN r.state AS state", Map.of("id", RUN)))
                .containsExactly(row("state", "RUNNING"));
    }

    @Test
    void acceptsAGzipBodyAndArchivesItDecompressed() {
        send(gzip(bytes(EVENT)), "gzip", MediaType.APPLICATION_JSON_VALUE)
                .expectStatus()
                .isCreated();

        assertThat(ArchivedJson.decompress((byte[]) single("MATCH (e:Event) RETURN e.jsonGzip")))
                .isEqualTo(EVENT);
    }

    @Test
    void acceptsAChunkedBodyWithoutContentLength() throws Exception {
        HttpResponse<String> response = chunked(bytes(EVENT), null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(ArchivedJson.decompress((byte[]) single("MATCH (e:Event) RETURN e.jsonGzip")))
                .isEqualTo(EVENT);
    }

    @Test
    void acceptsAChunkedGzipBodyWithoutContentLength() throws Exception {
        HttpResponse<String> response = chunked(gzip(bytes(EVENT)), "gzip");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(single("MATCH (r:Run) RETURN r.runId")).isEqualTo(RUN);
    }

    @Test
    void acceptsJsonWithAnExplicitUtf8Charset() {
        String unicode = Fixtures.text("edge-cases/marquez__event_unicode.json");

        send(bytes(unicode), null, "application/json; charset=UTF-8")
                .expectStatus()
                .isCreated();

        assertThat(single("MATCH (j:Job) RETURN j.name")).isEqualTo("myjob.buggy_task\uD83D\uDD77");
        assertThat(ArchivedJson.decompress((byte[]) single("MATCH (e:Event) RETURN e.jsonGzip")))
                .isEqualTo(unicode);
    }

    @Test
    void acceptsABodyWithoutContentType() {
        web.post()
                .uri("/api/v1/lineage")
                .header("Authorization", "Bearer " + API_KEY)
                .bodyValue(bytes(EVENT))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void acceptsAGzipBodyThatDecompressesToJustUnderTheLimit() {
        byte[] padded = padded(EVENT, LIMIT - 1024);

        send(gzip(padded), "gzip", MediaType.APPLICATION_JSON_VALUE)
                .expectStatus()
                .isCreated();

        assertThat(single("MATCH (r:Run) RETURN r.runId")).isEqualTo(RUN);
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        refused = true;
        Map<String, Object> problem = problem(send(padded(EVENT, LIMIT + 1), null, "application/json"), 413);

        assertThat(problem).containsEntry("type", "https://tributary.dev/problems/content-too-large");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWith413() throws Exception {
        refused = true;
        HttpResponse<String> response = chunked(padded(EVENT, LIMIT + 1), null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void refusesAGzipBombWith413() {
        refused = true;
        byte[] bomb = gzippedSpaces(EVENT, 16L * LIMIT);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        Map<String, Object> problem = problem(send(bomb, "gzip", "application/json"), 413);

        assertThat(problem).containsEntry("type", "https://tributary.dev/problems/content-too-large");
        assertThat((String) problem.get("detail")).contains("after decompression");
    }

    @Test
    void refusesABodyThatIsNotGzipAsDeclaredWith400() {
        refused = true;
        Map<String, Object> problem = problem(send(bytes(EVENT), "gzip", "application/json"), 400);

        assertThat(problem).containsEntry("type", "https://tributary.dev/problems/invalid-encoding");
    }

    @Test
    void refusesATruncatedGzipBodyWith400() {
        refused = true;
        byte[] compressed = gzip(bytes(EVENT));

        Map<String, Object> problem =
                problem(send(Arrays.copyOf(compressed, compressed.length / 2), "gzip", "application/json"), 400);

        assertThat(problem).containsEntry("type", "https://tributary.dev/problems/invalid-encoding");
    }

    @Test
    void refusesTextPlainWith415() {
        refused = true;
        Map<String, Object> problem = problem(send(bytes(EVENT), null, MediaType.TEXT_PLAIN_VALUE), 415);

        assertThat(problem).containsEntry("type", "https://tributary.dev/problems/unsupported-media-type");
    }

    @Test
    void refusesBrotliEncodingWith415() {
        refused = true;
        Map<String, Object> problem = problem(send(bytes(EVENT), "br", "application/json"), 415);

        assertThat(problem).containsEntry("type", "https://tributary.dev/problems/unsupported-media-type");
        assertThat((String) problem.get("detail")).contains("Content-Encoding br");
    }

    @Test
    void refusesAnEmptyBodyWith400() {
        refused = true;
        Map<String, Object> problem = problem(send(new byte[0], null, "application/json"), 400);

        assertThat(problem).containsEntry("detail", "the request body is empty");
    }

    @Test
    void refusesMalformedJsonWith400NamingTheProblem() {
        refused = true;
        Map<String, Object> problem = problem(send(bytes(EVENT.substring(0, 200)), null, "application/json"), 400);

        assertThat((String) problem.get("detail")).startsWith("malformed JSON: Unexpected end-of-input");
    }

    @Test
    void refusesDuplicateKeysWith400() {
        refused = true;
        Map<String, Object> problem =
                problem(send(bytes("{\"eventTime\": \"a\", \"eventTime\": \"b\"}"), null, "application/json"), 400);

        assertThat((String) problem.get("detail")).contains("malformed JSON").contains("eventTime");
    }

    @Test
    void refusesAJsonArrayOnTheSingleEventEndpointWith400() {
        refused = true;
        Map<String, Object> problem = problem(post("[" + EVENT + "]"), 400);

        assertThat(problem).containsEntry("detail", "expected one OpenLineage event (a JSON object)");
    }

    private WebTestClient.ResponseSpec send(byte[] body, String encoding, String contentType) {
        var request = web.post().uri("/api/v1/lineage").header("Authorization", "Bearer " + API_KEY);
        if (encoding != null) {
            request = request.header("Content-Encoding", encoding);
        }
        return request.header("Content-Type", contentType).bodyValue(body).exchange();
    }

    /** POSTs over a plain JDK client whose body has no known length, so it goes out chunked. */
    private HttpResponse<String> chunked(byte[] body, String encoding) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/lineage"))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        try (var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The event followed by spaces (valid JSON whitespace) up to the size. */
    private static byte[] padded(String event, int size) {
        byte[] bytes = Arrays.copyOf(bytes(event), size);
        Arrays.fill(bytes, bytes(event).length, size, (byte) ' ');
        return bytes;
    }

    /** The event followed by spaces up to the size, gzipped without holding the uncompressed body in memory. */
    private static byte[] gzippedSpaces(String event, long size) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes(event));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (long written = bytes(event).length; written < size; written += spaces.length) {
                gzip.write(spaces, 0, (int) Math.min(spaces.length, size - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
