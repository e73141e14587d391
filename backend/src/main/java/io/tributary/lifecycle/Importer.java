package io.tributary.lifecycle;

import io.tributary.TributaryProperties;
import io.tributary.event.EventParser;
import io.tributary.event.InvalidEventException;
import io.tributary.event.LineageEvent;
import io.tributary.ingest.EventIntake;
import io.tributary.log.EventSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays NDJSON events through the ingest path: each line parsed and validated as {@code POST /api/v1/lineage} would,
 * batches of valid events committed through the group-commit writer (archive and graph in one transaction each). A
 * batch is written only when every line of it is valid, and the next is read only once it is committed, so a failure
 * leaves exactly the batches before it: the answer says through which line that is. A soft-delete line (what the
 * export writes after the events, {@link DeletionLine}) is applied in its place in the file, after the events before
 * it are committed.
 */
@Component
class Importer {

    private final EventParser parser;
    private final EventIntake writer;
    private final Deletions deletions;
    private final JsonMapper json;
    private final int maxLineBytes;
    private final int maxBatch;
    private final Duration commitWait;

    Importer(
            EventParser parser,
            EventIntake writer,
            Deletions deletions,
            JsonMapper json,
            TributaryProperties properties) {
        this.parser = parser;
        this.writer = writer;
        this.deletions = deletions;
        this.json = json;
        this.maxLineBytes = Math.toIntExact(properties.ingest().maxBodySize().toBytes());
        this.maxBatch = properties.ingest().groupCommitMaxEvents();
        this.commitWait = properties.ingest().writeTimeout().multipliedBy(2);
    }

    int maxBatch() {
        return maxBatch;
    }

    Summary run(InputStream body, int batchSize) {
        var lines = new NdjsonLines(body, maxLineBytes);
        var batch = new ArrayList<LineageEvent>(batchSize);
        var progress = new Progress();
        long lineNumber = 0;
        while (true) {
            byte[] line;
            try {
                line = lines.next();
            } catch (NdjsonLines.LineTooLongException e) {
                throw new ImportFailure(ImportFailure.Reason.LINE_TOO_LONG, lineNumber + 1, progress, e.getMessage());
            } catch (IOException e) {
                throw new ImportFailure(
                        ImportFailure.Reason.UNREADABLE, lineNumber + 1, progress, "cannot read the body: " + e);
            }
            if (line == null) {
                break;
            }
            lineNumber++;
            if (isBlank(line)) {
                continue;
            }
            DeletionLine deletion;
            try {
                deletion = DeletionLine.parse(line, json);
            } catch (IllegalArgumentException e) {
                throw new ImportFailure(ImportFailure.Reason.INVALID_EVENT, lineNumber, progress, e.getMessage());
            }
            if (deletion != null) {
                if (!batch.isEmpty()) {
                    commit(batch, lineNumber - 1, progress);
                }
                restore(deletion, lineNumber, progress);
                continue;
            }
            try {
                batch.add(parser.parse(line));
            } catch (InvalidEventException e) {
                throw new ImportFailure(lineNumber, progress, e);
            }
            if (batch.size() == batchSize) {
                commit(batch, lineNumber, progress);
            }
        }
        if (!batch.isEmpty()) {
            commit(batch, lineNumber, progress);
        }
        progress.committedThroughLine = lineNumber;
        return new Summary(
                lineNumber, progress.events, progress.batches, progress.deletions, progress.deletionsSkipped);
    }

    private void commit(List<LineageEvent> batch, long lineNumber, Progress progress) {
        try {
            writer.submit(batch, EventSource.IMPORT).get(commitWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ImportFailure(
                    ImportFailure.Reason.NOT_STORED,
                    lineNumber,
                    progress,
                    "the batch ending at this line was not stored: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure(ImportFailure.Reason.NOT_STORED, lineNumber, progress, "interrupted");
        }
        progress.events += batch.size();
        progress.batches++;
        progress.committedThroughLine = lineNumber;
        batch.clear();
    }

    private void restore(DeletionLine deletion, long lineNumber, Progress progress) {
        try {
            if (deletions.restore(deletion)) {
                progress.deletions++;
            } else {
                progress.deletionsSkipped++;
            }
        } catch (RuntimeException e) {
            throw new ImportFailure(
                    ImportFailure.Reason.NOT_STORED, lineNumber, progress, "the deletion was not stored: " + e);
        }
        progress.committedThroughLine = lineNumber;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** How far an import got: every line up to {@code committedThroughLine} is committed. */
    static final class Progress {
        long committedThroughLine;
        long events;
        long batches;
        long deletions;
        long deletionsSkipped;
    }

    /**
     * A finished import: soft deletes applied, and those skipped because the import holds no such dataset or job.
     */
    record Summary(long lines, long events, long batches, long deletions, long deletionsSkipped) {}
}
