package io.tributary.lifecycle;

import io.tributary.event.InvalidEventException;
import io.tributary.event.Violation;
import java.util.List;

/** Why and where an import stopped, and what it had committed before. */
final class ImportFailure extends RuntimeException {

    enum Reason {
        INVALID_EVENT,
        LINE_TOO_LONG,
        UNREADABLE,
        NOT_STORED
    }

    final Reason reason;
    final long line;
    final long committedThroughLine;
    final long eventsImported;
    final transient List<Violation> violations;

    ImportFailure(Reason reason, long line, Importer.Progress progress, String message) {
        super(message);
        this.reason = reason;
        this.line = line;
        this.committedThroughLine = progress.committedThroughLine;
        this.eventsImported = progress.events;
        this.violations = List.of();
    }

    ImportFailure(long line, Importer.Progress progress, InvalidEventException invalid) {
        super(invalid.getMessage());
        this.reason = Reason.INVALID_EVENT;
        this.line = line;
        this.committedThroughLine = progress.committedThroughLine;
        this.eventsImported = progress.events;
        this.violations = invalid.violations();
    }
}
