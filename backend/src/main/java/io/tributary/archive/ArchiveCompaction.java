package io.tributary.archive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.store.Batch;
import io.tributary.store.GraphStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Compresses the text bodies of events archived before bodies were stored gzip-compressed ({@code Event.json} to
 * {@code Event.jsonGzip}), once, in the background after start-up, a page per transaction. Every read takes either
 * form, so the service answers throughout; an interrupted pass (a restart, the database down) resumes on the next
 * start from wherever text bodies are left. A complete pass is recorded as a {@code (:Migration)}, after which starts
 * skip it: a pass reads the whole event-id index, and ingest writes no text bodies any more.
 */
@Component
class ArchiveCompaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ArchiveCompaction.class);
    private static final int PAGE = 500;
    private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(2);
    static final String MIGRATION = "archive-bodies-compressed";

    private final GraphStore store;
    private final Counter compressed;
    private volatile Thread worker;

    ArchiveCompaction(GraphStore store, MeterRegistry meters) {
        this.store = store;
        this.compressed = Counter.builder("tributary.archive.compressed.events")
                .description("Archived event bodies converted from text to their compressed form")
                .register(meters);
    }

    /** Compresses every text body left in the archive; returns how many were converted. */
    synchronized long compressAll() {
        long total = 0;
        String after = "";
        while (true) {
            List<Record> page = store.read("archive/text-bodies-page", new Page(after, PAGE), r -> r.list());
            if (page.isEmpty()) {
                return total;
            }
            var rows = new ArrayList<CompressedBody>(page.size());
            for (Record r : page) {
                rows.add(new CompressedBody(
                        r.get("id").asString(),
                        ArchivedJson.compress(r.get("json").asString())));
            }
            long done = store.write(
                    "archive/compress-bodies",
                    new Batch(rows),
                    PAGE_TIMEOUT,
                    r -> r.single().get("compressed").asLong());
            total += done;
            compressed.increment(done);
            after = page.getLast().get("id").asString();
        }
    }

    private void runOnce() {
        try {
            if (recorded()) {
                return;
            }
            long count = compressAll();
            store.write(
                    "store/record-migration",
                    new Batch(List.of(new MigrationRecord(MIGRATION, "ArchiveCompaction"))),
                    PAGE_TIMEOUT,
                    Result::consume);
            log.info("Archive: {} event bodies archived as text were compressed; the pass is recorded", count);
        } catch (RuntimeException e) {
            // Whatever was converted stays converted; the next start goes on from there.
            log.warn("Archive compression stopped, to resume at the next start: {}", e.toString());
        } finally {
            worker = null;
        }
    }

    private boolean recorded() {
        return store.read(
                "archive/compaction-recorded",
                new MigrationRecord(MIGRATION, null),
                r -> r.single().get("recorded").asBoolean());
    }

    /** A page of text bodies after {@code afterId}. */
    private record Page(String afterId, int limit) {}

    /** compress-bodies: an event's body, compressed. */
    private record CompressedBody(String id, byte[] jsonGzip) {}

    /** The pass as a {@code (:Migration)}; the checksum only where it is recorded. */
    private record MigrationRecord(String version, String checksum) {}

    @Override
    public void start() {
        // Assigned before it runs, so that its own "finished" (worker = null) cannot come first.
        Thread thread = Thread.ofVirtual().name("tributary-archive-compaction").unstarted(this::runOnce);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
