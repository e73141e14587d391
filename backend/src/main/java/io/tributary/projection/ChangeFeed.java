package io.tributary.projection;

import io.tributary.store.GraphStore;
import io.tributary.store.Neo4jProperties;
import io.tributary.write.GraphChanges;
import io.tributary.write.GraphChanges.Touched;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Changes to the graph that do not go through the event log (soft deletes, imported deletes), numbered in the database
 * in the transaction that made them, so that every replica tells its copies of the graph (the lineage index) about
 * those another replica made, as it does for the windows another replica projects. Each replica polls the numbers
 * after the last it saw while a copy is kept ({@link GraphChanges#wanted()}); its own changes come back too, which
 * only reads the node again. An embedded database has no other replica (it is this process's), so nothing is polled.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    /** How soon another replica's soft delete reaches this replica's copies. */
    static final Duration POLL = Duration.ofMillis(200);
    /** The feed's own reads are bounded by this, not by the users' read-query limit (a small one must not stall it). */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final GraphStore store;
    private final GraphChanges changes;
    private final boolean shared;
    private volatile boolean running;
    private long after = -1;

    ChangeFeed(GraphStore store, GraphChanges changes, Neo4jProperties neo4j) {
        this.store = store;
        this.changes = changes;
        this.shared = neo4j.external();
    }

    /** A change of one dataset or job, numbered in the write transaction that made it. */
    private record Change(boolean job, String namespace, String name) {}

    /** Numbers the change in {@code tx}, the transaction that made it. */
    public void record(GraphStore.Writes tx, Touched touched) {
        tx.run("projection/record-graph-change", new Change(touched.job(), touched.namespace(), touched.name()));
    }

    private void poll() {
        if (after < 0) {
            after = lastChange();
        }
        if (!changes.wanted()) {
            return;
        }
        long[] last = {after};
        List<Touched> touched = store.read(
                "projection/graph-changes",
                Map.of("after", after),
                READ_TIMEOUT,
                (Result r) -> r.list(c -> {
                    last[0] = c.get("seq").asLong();
                    return new Touched(
                            c.get("job").asBoolean(),
                            c.get("namespace").asString(),
                            c.get("name").asString());
                }));
        if (!touched.isEmpty()) {
            changes.touched(touched);
            after = last[0];
        }
    }

    private long lastChange() {
        return store.read(
                "projection/last-graph-change",
                Map.of(),
                READ_TIMEOUT,
                r -> r.single().get("seq").asLong());
    }

    private void loop() {
        while (running) {
            try {
                poll();
            } catch (RuntimeException e) {
                // The database is away (an outage, a restart): the next poll tries again from the same number.
                log.debug("Graph change poll failed: {}", e.toString());
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        if (!shared) {
            return;
        }
        try {
            // Before the copies load (an earlier phase): a change made while they read is then polled, not missed.
            after = lastChange();
        } catch (RuntimeException e) {
            log.debug("Graph change feed: the last number is read at the first poll ({})", e.toString());
        }
        Thread.ofVirtual().name("graph-change-feed").start(this::loop);
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
