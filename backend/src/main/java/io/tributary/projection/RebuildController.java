package io.tributary.projection;

import io.tributary.access.WriteAccess;
import io.tributary.problem.FailureDetail;
import io.tributary.problem.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilding the graph from the event log, an operator's act: {@code POST /api/v1/admin/rebuild} asks for one (202
 * with its state; 409 {@code rebuild-in-progress} while one runs), {@code GET} shows where it stands. Both need an
 * ingest key (the route's {@link WriteAccess}). Without an event log there is nothing to rebuild from: 409
 * {@code no-event-log}.
 */
@RestController
@WriteAccess
@FailureDetail("The rebuild request")
class RebuildController {

    static final String PATH = "/api/v1/admin/rebuild";

    private final Projector projector;

    RebuildController(ObjectProvider<Projector> projector) {
        this.projector = projector.getIfAvailable();
    }

    @PostMapping(PATH)
    Mono<ResponseEntity<RebuildState>> request() {
        return Mono.fromCallable(() -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(projector().requestRebuild()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(PATH)
    Mono<RebuildState> state() {
        return Mono.fromCallable(() -> projector().rebuildState()).subscribeOn(Schedulers.boundedElastic());
    }

    private Projector projector() {
        if (projector == null) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "no-event-log",
                    "The service runs without an event log (tributary.log.mode=none): there is nothing to rebuild"
                            + " the graph from");
        }
        return projector;
    }
}
