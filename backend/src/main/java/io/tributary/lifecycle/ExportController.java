package io.tributary.lifecycle;

import io.tributary.archive.ArchivedJson;
import io.tributary.job.SourceCodePolicy;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.neo4j.driver.Record;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/export}: every archived raw event as NDJSON (one event per line), in (event time, id) order, then
 * the soft deletes in force ({@link DeletionLine}; {@code ?deletions=false} leaves them out for tools that expect
 * events only), so that posting the file to {@code /api/v1/import} rebuilds the same graph. Streamed page by page
 * (memory stays one page whatever the store's size), gzip-compressed when the client accepts gzip. A read endpoint: it needs the read
 * key where reads are protected, and leaves jobs' source code out unless the operator exposes it (as the {@code
 * events} query does).
 */
@RestController
class ExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int PAGE = 1000;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final GraphStore store;
    private final SourceCodePolicy sourceCode;
    private final JsonMapper json;

    ExportController(GraphStore store, SourceCodePolicy sourceCode, JsonMapper json) {
        this.store = store;
        this.sourceCode = sourceCode;
        this.json = json;
    }

    @GetMapping("/api/v1/export")
    ResponseEntity<Flux<DataBuffer>> export(
            ServerHttpRequest request,
            ServerHttpResponse response,
            @RequestParam(defaultValue = "true") boolean deletions) {
        boolean gzip = request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT_ENCODING).stream()
                .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("gzip"));
        DataBufferFactory buffers = response.bufferFactory();
        Flux<DataBuffer> body = Flux.<DataBuffer, Pages>generate(() -> new Pages(gzip, deletions), (pages, sink) -> {
                    byte[] chunk = pages.next();
                    if (chunk == null) {
                        sink.complete();
                    } else {
                        sink.next(buffers.wrap(chunk));
                    }
                    return pages;
                })
                .subscribeOn(Schedulers.boundedElastic());
        var builder = ResponseEntity.ok()
                .contentType(NDJSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"tributary-export.ndjson" + (gzip ? ".gz" : "") + "\"");
        if (gzip) {
            builder.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return builder.body(body);
    }

    /** The export's state: the cursor, and the gzip stream that spans all pages. */
    private final class Pages {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final OutputStream out;
        private final boolean gzip;
        private ZonedDateTime afterTime;
        private String afterId;
        private boolean eventsDone;
        /** Whether soft deletes are still to be written (none are when the client asked for events only). */
        private boolean deletionsLeft;

        private Record afterDeletion;
        private boolean done;

        Pages(boolean gzip, boolean withDeletions) {
            this.gzip = gzip;
            this.deletionsLeft = withDeletions;
            try {
                // Sync flush per page: each page reaches the client as it is read, compressed.
                this.out = gzip ? new GZIPOutputStream(bytes, 65536, true) : bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next chunk of the body, or null when everything was sent. */
        byte[] next() {
            if (done) {
                return null;
            }
            try {
                if (!eventsDone) {
                    eventsDone = writeEvents();
                } else if (deletionsLeft) {
                    deletionsLeft = !writeDeletions();
                }
                if (eventsDone && !deletionsLeft) {
                    done = true;
                    if (gzip) {
                        ((GZIPOutputStream) out).finish();
                    }
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] chunk = bytes.toByteArray();
            bytes.reset();
            return chunk;
        }

        /** One page of events; true when it was the last. */
        private boolean writeEvents() throws IOException {
            var parameters = new HashMap<String, Object>();
            parameters.put("afterTime", afterTime);
            parameters.put("afterId", afterId);
            parameters.put("limit", PAGE);
            List<Record> rows = store.read("lifecycle/export-page", parameters, r -> r.list());
            for (Record row : rows) {
                out.write(line(ArchivedJson.of(row)));
                out.write('\n');
            }
            if (rows.size() < PAGE) {
                return true;
            }
            afterTime = rows.getLast().get("eventTime").asZonedDateTime();
            afterId = rows.getLast().get("id").asString();
            return false;
        }

        /** One page of soft deletes; true when it was the last. */
        private boolean writeDeletions() throws IOException {
            var parameters = new HashMap<String, Object>();
            parameters.put("afterKind", cursor("kind"));
            parameters.put("afterNamespace", cursor("namespace"));
            parameters.put("afterName", cursor("name"));
            parameters.put("limit", PAGE);
            List<Record> rows = store.read("lifecycle/export-deletions", parameters, r -> r.list());
            for (Record row : rows) {
                var deletion = new DeletionLine(
                        row.get("kind").asString(),
                        row.get("namespace").asString(),
                        row.get("name").asString(),
                        DriverValues.time(row.get("deletedAt")));
                out.write(deletion.toJson(json));
                out.write('\n');
            }
            if (rows.size() < PAGE) {
                return true;
            }
            afterDeletion = rows.getLast();
            return false;
        }

        /** A column of the last soft delete written, or null before the first page. */
        private String cursor(String column) {
            return afterDeletion == null ? null : afterDeletion.get(column).asString();
        }
    }

    /**
     * One line per event. JSON allows raw line breaks only as whitespace between tokens, so turning them into spaces
     * keeps the event identical (its id is a hash of its canonical form); source code goes unless exposed.
     */
    private byte[] line(String event) {
        String text = event;
        if (!sourceCode.exposed() && text.contains("\"sourceCode\"")) {
            text = json.writeValueAsString(sourceCode.event(json.readValue(text, OBJECT)));
        }
        return text.replace('\n', ' ').replace('\r', ' ').getBytes(StandardCharsets.UTF_8);
    }
}
