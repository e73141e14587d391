package io.tributary.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.access.WriteAccess;
import io.tributary.problem.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/import}: NDJSON events (what {@code /api/v1/export} writes, or any file of one OpenLineage event
 * per line), plain or {@code Content-Encoding: gzip}, streamed: the body is read line by line while batches commit,
 * so its size is not limited, only each line's ({@code TRIBUTARY_INGEST_MAX_BODY_SIZE}). Needs an ingest key. Events
 * already stored are harmless to import again (the archive is keyed by content, every graph rule is idempotent), so a
 * failed import is resumed by sending the lines after {@code committedThroughLine}, or the whole file again.
 */
@RestController
class ImportController {

    private static final int DEFAULT_BATCH = 500;

    private final Importer importer;
    private final Counter imported;

    ImportController(Importer importer, MeterRegistry meters) {
        this.importer = importer;
        this.imported = Counter.builder("tributary.import.events")
                .description("Events committed by NDJSON imports")
                .register(meters);
    }

    @WriteAccess
    @PostMapping("/api/v1/import")
    Mono<Importer.Summary> importEvents(ServerHttpRequest request, @RequestParam(required = false) Integer batchSize) {
        int batch = batchSize == null ? Math.min(DEFAULT_BATCH, importer.maxBatch()) : batchSize;
        if (batch < 1 || batch > importer.maxBatch()) {
            return Mono.error(new IllegalArgumentException(
                    "batchSize must be between 1 and " + importer.maxBatch() + ", was " + batch));
        }
        String encoding = request.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
        String coding = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        if (!coding.equals("gzip") && !coding.equals("identity")) {
            return Mono.error(new UnsupportedEncoding(encoding));
        }
        return Mono.fromCallable(() -> {
                    // Demand of 4 buffers: the body is pulled only as fast as batches commit.
                    InputStream body = DataBufferUtils.subscriberInputStream(request.getBody(), 4);
                    try (InputStream in = coding.equals("gzip") ? new GZIPInputStream(body, 65536) : body) {
                        Importer.Summary summary = importer.run(in, batch);
                        imported.increment(summary.events());
                        return summary;
                    } catch (IOException e) {
                        throw new ImportFailure(
                                ImportFailure.Reason.UNREADABLE,
                                1,
                                new Importer.Progress(),
                                "the body is not valid gzip: " + e.getMessage());
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> failed(ImportFailure e) {
        imported.increment(e.eventsImported);
        HttpStatus status = switch (e.reason) {
            case INVALID_EVENT, UNREADABLE -> HttpStatus.BAD_REQUEST;
            case LINE_TOO_LONG -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_STORED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                "Line " + e.line + ": " + e.getMessage() + "; lines 1 to " + e.committedThroughLine
                        + " are imported, nothing after them");
        problem.setType(URI.create(Problems.TYPE_BASE + "import-"
                + e.reason.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle("Import stopped");
        problem.setProperty("line", e.line);
        problem.setProperty("committedThroughLine", e.committedThroughLine);
        problem.setProperty("eventsImported", e.eventsImported);
        if (!e.violations.isEmpty()) {
            List<Map<String, String>> errors = e.violations.stream()
                    .map(v -> {
                        var error = new LinkedHashMap<String, String>();
                        error.put("pointer", v.pointer());
                        error.put("field", v.field());
                        error.put("detail", v.detail());
                        return (Map<String, String>) error;
                    })
                    .toList();
            problem.setProperty("errors", errors);
        }
        var response = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create(Problems.TYPE_BASE + "bad-request"));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupported(UnsupportedEncoding e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        problem.setType(URI.create(Problems.TYPE_BASE + "unsupported-media-type"));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    static final class UnsupportedEncoding extends RuntimeException {
        UnsupportedEncoding(String encoding) {
            super("Content-Encoding " + encoding + " is not supported; use gzip or none");
        }
    }
}
