package io.tributary.marquez;

import io.tributary.lineage.Traversals;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Marquez's lineage reads: {@code GET /api/v1/lineage?nodeId=&depth=} (a read beside the ingest endpoint's POST at the
 * same path; Marquez's UI asks for {@code /lineage/}, with the slash) and {@code GET /api/v1/column-lineage}. A cap
 * that cut the graph says so in {@code X-Tributary-Truncated: true}; {@code maxNodes} (default 1,000, at most
 * 10,000) is Tributary's, as in GraphQL.
 */
@RestController
class MarquezLineageController {

    static final String TRUNCATED_HEADER = "X-Tributary-Truncated";

    private final MarquezLineage lineage;

    MarquezLineageController(MarquezLineage lineage) {
        this.lineage = lineage;
    }

    @GetMapping({"/api/v1/lineage", "/api/v1/lineage/"})
    Mono<ResponseEntity<Graph>> lineage(
            @RequestParam(required = false) String nodeId,
            @RequestParam(defaultValue = "20") int depth,
            @RequestParam(defaultValue = "1000") int maxNodes) {
        return Blocking.read(() -> lineage.lineage(nodeId, depth, maxNodes(maxNodes)))
                .map(MarquezLineageController::answer);
    }

    @GetMapping({"/api/v1/column-lineage", "/api/v1/column-lineage/"})
    Mono<ResponseEntity<Graph>> columnLineage(
            @RequestParam(required = false) String nodeId,
            @RequestParam(defaultValue = "20") int depth,
            @RequestParam(defaultValue = "false") boolean withDownstream,
            @RequestParam(defaultValue = "1000") int maxNodes) {
        return Blocking.read(() -> lineage.columnLineage(nodeId, depth, withDownstream, maxNodes(maxNodes)))
                .map(MarquezLineageController::answer);
    }

    private static int maxNodes(int maxNodes) {
        if (maxNodes < 1 || maxNodes > Traversals.MAX_NODES) {
            throw new IllegalArgumentException(
                    "maxNodes must be between 1 and " + Traversals.MAX_NODES + ", was " + maxNodes);
        }
        return maxNodes;
    }

    private static ResponseEntity<Graph> answer(MarquezLineage.Answer answer) {
        return ResponseEntity.ok()
                .header(TRUNCATED_HEADER, Boolean.toString(answer.truncated()))
                .body(answer.graph());
    }
}
