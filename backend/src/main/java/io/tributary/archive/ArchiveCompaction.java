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
 * start from wherever text bodies are left.
 */
@Component
class ArchiveCompaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ArchiveCompaction.class);
    private static final int PAGE = 500;
    private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(2);

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
            long count = compressAll();
            if (count > 0) {
                log.info("Archive: {} event bodies archived as text were compressed", count);
            }
        } catch (RuntimeException e) {
            // Whatever was converted stays converted; the next start goes on from there.
            log.warn("Archive compression stopped, to resume at the next start: {}", e.toString());
        } finally {
            worker = null;
        }
    }

    @Override
    public void start() {
        worker = Thread.ofVirtual().name("tributary-archive-compaction").start(this::runOnce);
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
