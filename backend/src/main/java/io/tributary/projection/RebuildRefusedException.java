package io.tributary.projection;

import io.tributary.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A rebuild that would lose events is refused (409, problem type {@code rebuild-would-lose-events}): the archive holds
 * events the event log does not, which a rebuild (replaying only the log) would leave out of the graph.
 */
public final class RebuildRefusedException extends ProblemException {

    public static final String TYPE = "rebuild-would-lose-events";

    RebuildRefusedException(long missing) {
        super(
                HttpStatus.CONFLICT,
                TYPE,
                missing + " archived event" + (missing == 1 ? " is" : "s are")
                        + " not in the event log (ingested while the store ran with tributary.log.mode=none): a"
                        + " rebuild replays only the log and would leave "
                        + (missing == 1 ? "it" : "them")
                        + " out of the graph. Nothing was changed. To rebuild, first put them in the log: export the"
                        + " archive and import it again (scripts/tributary-export, scripts/tributary-import).");
    }
}
