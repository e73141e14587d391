package io.tributary.lifecycle;

import io.tributary.event.InvalidEventException;
import io.tributary.event.Violation;
import io.tributary.problem.ProblemException;
import io.tributary.problem.Problems;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Why and where an import stopped, and what it had committed before. */
final class ImportFailure extends ProblemException {

    enum Reason {
        INVALID_EVENT(HttpStatus.BAD_REQUEST),
        LINE_TOO_LONG(HttpStatus.CONTENT_TOO_LARGE),
        UNREADABLE(HttpStatus.BAD_REQUEST),
        NOT_STORED(HttpStatus.SERVICE_UNAVAILABLE);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        /** The problem type, e.g. {@code import-line-too-long}. */
        String type() {
            return "import-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    final Reason reason;
    final long line;
    final long committedThroughLine;
    final long eventsImported;
    final transient List<Violation> violations;

    ImportFailure(Reason reason, long line, Importer.Progress progress, String message) {
        this(reason, line, progress, message, List.of());
    }

    ImportFailure(long line, Importer.Progress progress, InvalidEventException invalid) {
        this(Reason.INVALID_EVENT, line, progress, invalid.getMessage(), invalid.violations());
    }

    private ImportFailure(
            Reason reason, long line, Importer.Progress progress, String message, List<Violation> violations) {
        super(reason.status, reason.type(), message);
        this.reason = reason;
        this.line = line;
        this.committedThroughLine = progress.committedThroughLine;
        this.eventsImported = progress.events;
        this.violations = violations;
    }

    /** Where it stopped, what is imported, and the offending fields of an invalid event. */
    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(
                reason.status,
                reason.type(),
                "Line " + line + ": " + getMessage() + "; lines 1 to " + committedThroughLine
                        + " are imported, nothing after them");
        problem.setTitle("Import stopped");
        problem.setProperty("line", line);
        problem.setProperty("committedThroughLine", committedThroughLine);
        problem.setProperty("eventsImported", eventsImported);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", Problems.errors(violations));
        }
        return problem;
    }
}
