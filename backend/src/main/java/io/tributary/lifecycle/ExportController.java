package io.tributary.lifecycle;

import io.tributary.ingest.ContentEncoding;
import java.util.Locale;
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

/**
 * {@code GET /api/v1/export}: every archived raw event as NDJSON (one event per line), then the soft deletes in force
 * ({@code ?deletions=false} leaves them out for tools that expect events only), so that posting the file to {@code
 * /api/v1/import} rebuilds the same graph (see {@link Exporter}). Streamed page by page, gzip-compressed when the
 * client accepts gzip. A read endpoint: it needs the read key where reads are protected.
 */
@RestController
class ExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final Exporter exporter;

    ExportController(Exporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/api/v1/export")
    ResponseEntity<Flux<DataBuffer>> export(
            ServerHttpRequest request,
            ServerHttpResponse response,
            @RequestParam(defaultValue = "true") boolean deletions) {
        boolean gzip = request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT_ENCODING).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("gzip"));
        ContentEncoding encoding = gzip ? ContentEncoding.GZIP : ContentEncoding.IDENTITY;
        DataBufferFactory buffers = response.bufferFactory();
        Flux<DataBuffer> body = Flux.<DataBuffer, Exporter.Export>generate(
                        () -> exporter.open(deletions, encoding), (export, sink) -> {
                            byte[] chunk = export.next();
                            if (chunk == null) {
                                sink.complete();
                            } else {
                                sink.next(buffers.wrap(chunk));
                            }
                            return export;
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
}
