package io.tributary.lineage;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Impact analysis for scripts: {@code GET /api/v1/impact.csv?kind=DATASET&namespace=..&name=..} answers the same
 * report as the GraphQL {@code impact} query as CSV (see {@link ImpactCsv}); {@code X-Tributary-Truncated: true}
 * says a cap cut it. Bad arguments are 400 and an unknown node 404, as problem details. {@code maxNodes} (default
 * 10,000, as GraphQL) may go up to {@link Limits#MAX_CSV_NODES}: a whole large downstream for a script.
 */
@RestController
class ImpactCsvController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final String TRUNCATED_HEADER = "X-Tributary-Truncated";

    private final Impact impact;
    private final TraversalMetrics metrics;

    ImpactCsvController(Impact impact, TraversalMetrics metrics) {
        this.impact = impact;
        this.metrics = metrics;
    }

    @GetMapping("/api/v1/impact.csv")
    Mono<ResponseEntity<String>> impact(
            @RequestParam(defaultValue = "DATASET") NodeKind kind,
            @RequestParam String namespace,
            @RequestParam String name,
            @RequestParam(required = false) String field,
            @RequestParam(required = false) Integer depth,
            @RequestParam(defaultValue = "false") boolean includeColumns,
            @RequestParam(defaultValue = "10000") int maxNodes) {
        // The traversal blocks on the database, so it runs off the event loop.
        return Mono.fromCallable(() -> metrics.timed(
                        "impact-csv",
                        () -> impact.impact(
                                new NodeRef(kind, namespace, name, field),
                                depth,
                                includeColumns,
                                maxNodes,
                                Limits.MAX_CSV_NODES)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(report -> ResponseEntity.ok()
                        .contentType(TEXT_CSV)
                        .header(TRUNCATED_HEADER, Boolean.toString(report.truncated()))
                        .body(ImpactCsv.of(report)));
    }
}
