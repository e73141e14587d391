package io.tributary.archive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.store.GraphStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
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
            var parameters = Map.<String, Object>of("afterId", after, "limit", PAGE);
            List<Record> page = store.read("archive/text-bodies-page", parameters, r -> r.list());
            if (page.isEmpty()) {
                return total;
            }
            var rows = new ArrayList<Map<String, Object>>(page.size());
            for (Record r : page) {
                var row = new HashMap<String, Object>();
                row.put("id", r.get("id").asString());
                row.put("jsonGzip", ArchivedJson.compress(r.get("json").asString()));
                rows.add(row);
            }
            long done = store.write(
                    tx -> tx.run(store.statement("archive/compress-bodies"), Map.of("rows", rows))
                            .single()
                            .get("compressed")
                            .asLong(),
                    PAGE_TIMEOUT);
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
                    tx -> tx.run(
                                    store.statement("store/record-migration"),
                                    Map.of("version", MIGRATION, "checksum", "ArchiveCompaction"))
                            .consume(),
                    PAGE_TIMEOUT);
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
                Map.of("version", MIGRATION),
                r -> r.single().get("recorded").asBoolean());
    }

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
