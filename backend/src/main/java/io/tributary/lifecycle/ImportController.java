package io.tributary.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.access.WriteAccess;
import io.tributary.ingest.ContentEncoding;
import io.tributary.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
        return Mono.fromCallable(() -> {
                    int batch = batchSize == null ? Math.min(DEFAULT_BATCH, importer.maxBatch()) : batchSize;
                    if (batch < 1 || batch > importer.maxBatch()) {
                        throw new ProblemException(
                                HttpStatus.BAD_REQUEST,
                                "batchSize must be between 1 and " + importer.maxBatch() + ", was " + batch);
                    }
                    ContentEncoding encoding = ContentEncoding.of(request.getHeaders());
                    // Demand of 4 buffers: the body is pulled only as fast as batches commit.
                    InputStream body = DataBufferUtils.subscriberInputStream(request.getBody(), 4);
                    try (InputStream in = encoding.decode(body)) {
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
                .doOnError(ImportFailure.class, e -> imported.increment(e.eventsImported))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
