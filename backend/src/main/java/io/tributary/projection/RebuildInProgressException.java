package io.tributary.projection;

import io.tributary.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A rebuild of the graph is in progress: a second request for one is a conflict (409); a hand-set write (a tag, a
 * soft delete) is refused with 503 and {@code Retry-After} rather than made on a graph about to be cleared, or lost.
 * Problem type {@code rebuild-in-progress} either way.
 */
public final class RebuildInProgressException extends ProblemException {

    public static final String TYPE = "rebuild-in-progress";

    private RebuildInProgressException(HttpStatus status, String detail) {
        super(status, TYPE, detail);
    }

    static RebuildInProgressException conflict(RebuildState state) {
        return new RebuildInProgressException(
                HttpStatus.CONFLICT,
                "A rebuild of the graph is in progress (" + state.phase() + ", " + state.replayed()
                        + " events replayed); see GET /api/v1/admin/rebuild");
    }

    /** Thrown by hand-set writes while the graph is being rebuilt. */
    public static RebuildInProgressException handWrite(String what) {
        return new RebuildInProgressException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The graph is being rebuilt from the event log; " + what + " was not applied: retry once it is done");
    }
}
