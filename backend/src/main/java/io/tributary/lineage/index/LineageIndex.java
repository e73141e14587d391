package io.tributary.lineage.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.store.Batch;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.write.GraphChanges;
import io.tributary.write.GraphChanges.Touched;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Keeps the {@link AdjacencyGraph}: loaded from the database in pages (asynchronously at start when enabled; walks use
 * Cypher until it is there), then patched after every committed write that touched datasets or jobs ({@link
 * GraphChanges}): the touched nodes are read again as they now stand, so the index is never ahead of the database.
 * Writes committed during a load are patched in once it ends. A patch that fails drops the index (walks fall back to
 * Cypher) and, when enabled, loads it again. An index that outgrows its share of the heap ({@link
 * LineageIndexProperties#heapShare()}) is dropped for good (until a restart or a rebuild): walks use Cypher.
 */
@Component
public class LineageIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LineageIndex.class);

    /** How often patches look at the index's size: estimating it walks every node, so not after every window. */
    private static final long BUDGET_CHECK_NANOS = 30_000_000_000L;

    private final GraphStore store;
    private final LineageIndexProperties properties;
    private final Object patching = new Object();
    private final Set<Touched> pending = new LinkedHashSet<>();
    private final Set<String> pendingRuns = new LinkedHashSet<>();
    private boolean loading;
    /** Moves with every load and unload: a load that is no longer the latest does not install what it read. */
    private long generation;

    private volatile AdjacencyGraph graph;
    private volatile boolean running;
    private volatile long loadNanos;
    private final Counter loadFailures;
    private final long budget;
    private final long budgetCheckNanos;
    private long budgetCheckedAt = System.nanoTime();
    /** Set when the index outgrew its budget: not loaded again until a restart or a rebuild. */
    private volatile boolean overBudget;

    @Autowired
    LineageIndex(GraphStore store, LineageIndexProperties properties, GraphChanges changes, MeterRegistry meters) {
        this(store, properties, changes, meters, BUDGET_CHECK_NANOS);
    }

    LineageIndex(
            GraphStore store,
            LineageIndexProperties properties,
            GraphChanges changes,
            MeterRegistry meters,
            long budgetCheckNanos) {
        this.store = store;
        this.properties = properties;
        this.budget = properties.budgetBytes();
        this.budgetCheckNanos = budgetCheckNanos;
        // What an operator needs to size the heap and see that walks are in memory: a dropped index reads 0.
        meters.gauge("tributary.lineage.index.loaded", this, i -> i.graph == null ? 0 : 1);
        meters.gauge("tributary.lineage.index.nodes", this, i -> size(i.graph, AdjacencyGraph::size));
        meters.gauge("tributary.lineage.index.edges", this, i -> size(i.graph, AdjacencyGraph::edges));
        meters.gauge(
                "tributary.lineage.index.fields",
                this,
                i -> size(i.graph, g -> g.columns().size()));
        Gauge.builder("tributary.lineage.index.bytes", this, i -> size(i.graph, AdjacencyGraph::bytes))
                .description("Heap held by the lineage index, estimated from its arrays and strings")
                .baseUnit("bytes")
                .register(meters);
        meters.gauge(
                "tributary.lineage.index.runs",
                this,
                i -> size(i.graph, g -> g.runs().size()));
        meters.gauge("tributary.lineage.index.load.seconds", this, i -> i.loadNanos / 1e9);
        Gauge.builder("tributary.lineage.index.budget", this, i -> i.budget)
                .description("Heap the lineage index may hold (its share of the maximum heap)")
                .baseUnit("bytes")
                .register(meters);
        meters.gauge("tributary.lineage.index.over.budget", this, i -> i.overBudget ? 1 : 0);
        this.loadFailures = Counter.builder("tributary.lineage.index.load.failures")
                .description("Loads of the lineage index that failed (each is tried again)")
                .register(meters);
        changes.listen(new GraphChanges.Listener() {
            @Override
            public void committed(List<Touched> touched, List<String> runs) {
                LineageIndex.this.committed(touched, runs);
            }

            @Override
            public boolean listening() {
                synchronized (patching) {
                    return loading || graph != null;
                }
            }

            @Override
            public void replacing() {
                unload();
            }

            @Override
            public void replaced() {
                unload();
                overBudget = false;
                if (properties.enabled() && running) {
                    Thread.ofVirtual().name("lineage-index-load").start(LineageIndex.this::loadQuietly);
                }
            }
        });
    }

    private static double size(AdjacencyGraph graph, ToDoubleFunction<AdjacencyGraph> measure) {
        return graph == null ? 0 : measure.applyAsDouble(graph);
    }

    /** The index when walks should use it: enabled and loaded; otherwise null. */
    public AdjacencyGraph ready() {
        return properties.enabled() ? graph : null;
    }

    /** Whether walks use the index once it is loaded ({@code TRIBUTARY_LINEAGE_INDEX_ENABLED}). */
    public boolean enabled() {
        return properties.enabled();
    }

    /** The index if loaded, enabled or not (tests, the benchmark); otherwise null. */
    public AdjacencyGraph loaded() {
        return graph;
    }

    /** Drops the index: walks use Cypher until it is loaded again. */
    public void unload() {
        synchronized (patching) {
            generation++;
            loading = false;
            pending.clear();
            pendingRuns.clear();
            graph = null;
        }
    }

    /** How long the last load took, in nanoseconds. */
    public long loadNanos() {
        return loadNanos;
    }

    /**
     * Loads the index from the database now, replacing the one held (walks use Cypher meanwhile), and patches in the
     * writes committed while it loaded.
     */
    public AdjacencyGraph load() {
        long mine;
        synchronized (patching) {
            mine = ++generation;
            loading = true;
            pending.clear();
            pendingRuns.clear();
            graph = null;
        }
        long started = System.nanoTime();
        AdjacencyGraph built;
        try {
            built = read();
            withinBudget(built.bytes());
        } catch (RuntimeException e) {
            synchronized (patching) {
                if (mine == generation) {
                    loading = false;
                    pending.clear();
                    pendingRuns.clear();
                }
            }
            throw e;
        }
        synchronized (patching) {
            if (mine != generation) {
                // Unloaded or loaded again meanwhile (a rebuild): what this load read is not the graph any more.
                return built;
            }
            List<Touched> during = new ArrayList<>(pending);
            List<String> runsDuring = new ArrayList<>(pendingRuns);
            pending.clear();
            pendingRuns.clear();
            loading = false;
            if (!during.isEmpty() || !runsDuring.isEmpty()) {
                patch(built, during, runsDuring);
            }
            graph = built;
        }
        loadNanos = System.nanoTime() - started;
        log.info(
                "Lineage index loaded: {} nodes, {} edges, {} fields, {} derivations, {} runs, ~{} MB, in {} ms",
                built.size(),
                built.edges(),
                built.columns().size(),
                built.read(() -> built.columns().edges()),
                built.runs().size(),
                built.bytes() / 1_000_000,
                loadNanos / 1_000_000);
        return built;
    }

    private AdjacencyGraph read() {
        var builder = new AdjacencyGraph.Builder();
        // Jobs first: the derivations read with each dataset's fields name their jobs.
        pages(builder, "read/lineage/index/jobs", r -> {
            builder.node(IndexedNode.of(r));
            flows(builder, r);
        });
        pages(builder, "read/lineage/index/datasets", r -> {
            int dataset = builder.node(IndexedNode.of(r));
            flows(builder, r);
            for (Value f : r.get("fields").values()) {
                int field = builder.field(
                        f.get("id").asString(),
                        dataset,
                        f.get("name").asString(),
                        DriverValues.string(f.get("type")),
                        f.get("current").asBoolean());
                for (Value e : f.get("feeds").values()) {
                    builder.feed(
                            e.get("from").asString(),
                            field,
                            ColumnGraph.derivationOf(e::get),
                            DriverValues.string(e.get("jobNamespace")),
                            DriverValues.string(e.get("jobName")));
                }
            }
        });
        pages(builder, "read/lineage/index/symlinks", r -> {
            int from = builder.node(r.get("from").asString());
            int to = builder.node(r.get("to").asString());
            if (from >= 0 && to >= 0) {
                builder.symlink(from, to);
            }
        });
        // After the datasets: each run's reads and versions name theirs.
        pages(builder, "read/lineage/index/runs", r -> builder.run(RunGraph.RunRow.of(r)));
        // An edge to a node created after its page was read is left out: that node's window patches it in.
        return builder.build();
    }

    /** The node's edges read with it (a job's WRITES, a dataset's READ_BY), in the direction data flows. */
    private static void flows(AdjacencyGraph.Builder builder, Record r) {
        String id = r.get("id").asString();
        for (Value e : r.get("flows").values()) {
            builder.flow(id, e.get("to").asString(), e.get("current").asBoolean());
        }
    }

    private void pages(AdjacencyGraph.Builder builder, String statement, Consumer<Record> row) {
        long started = System.nanoTime();
        try {
            readPages(statement, row, () -> withinBudget(builder.bytes()));
        } finally {
            log.debug("Lineage index load: {} in {} ms", statement, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void readPages(String statement, Consumer<Record> row, Runnable afterPage) {
        int size = properties.pageSize();
        for (long skip = 0; ; skip += size) {
            int read = store.read(statement, Map.of("skip", skip, "limit", size), properties.pageTimeout(), result -> {
                int n = 0;
                while (result.hasNext()) {
                    row.accept(result.next());
                    n++;
                }
                return n;
            });
            afterPage.run();
            if (read < size) {
                return;
            }
        }
    }

    /** After a committed write (on the writer's thread, before readers are told): patch, or note for the load. */
    private void committed(List<Touched> touched, List<String> runs) {
        synchronized (patching) {
            if (loading) {
                pending.addAll(touched);
                pendingRuns.addAll(runs);
                return;
            }
            AdjacencyGraph current = graph;
            if (current == null) {
                return;
            }
            try {
                patch(current, touched, runs);
                if (System.nanoTime() - budgetCheckedAt >= budgetCheckNanos) {
                    budgetCheckedAt = System.nanoTime();
                    withinBudget(current.bytes());
                }
            } catch (OverBudgetException e) {
                graph = null;
                overBudget(e);
            } catch (RuntimeException e) {
                log.warn("Lineage index patch failed ({}); walks use Cypher until it is loaded again", e.toString());
                graph = null;
                if (properties.enabled() && running) {
                    Thread.ofVirtual().name("lineage-index-load").start(this::loadQuietly);
                }
            }
        }
    }

    /** Reads what the touched nodes now are (their fields and the touched runs too), then patches the graph. */
    private void patch(AdjacencyGraph graph, List<Touched> touched, List<String> runs) {
        List<AdjacencyGraph.Touched> nodes = touched.isEmpty() ? List.of() : touched(touched);
        List<ColumnGraph.TouchedDataset> fields = touched.isEmpty()
                ? List.of()
                : store.read(
                        "read/lineage/index/touched-fields",
                        new Batch(touched),
                        r -> r.list(ColumnGraph.TouchedDataset::of));
        List<RunGraph.RunRow> touchedRuns = runs.isEmpty()
                ? List.of()
                : store.read(
                        "read/lineage/index/touched-runs",
                        new Batch(runs.stream().map(TouchedRun::new).toList()),
                        r -> r.list(RunGraph.RunRow::of));
        graph.patch(nodes, fields, touchedRuns);
    }

    /** A row of touched-runs.cypher. */
    private record TouchedRun(String runId) {}

    private List<AdjacencyGraph.Touched> touched(List<Touched> touched) {
        return store.read(
                "read/lineage/index/touched",
                new Batch(touched),
                result -> result.list(r -> new AdjacencyGraph.Touched(
                        IndexedNode.of(r.get("node")),
                        nodes(r.get("downstream")),
                        nodes(r.get("upstream")),
                        nodes(r.get("symlinks")))));
    }

    private static List<IndexedNode> nodes(Value list) {
        return list.asList(IndexedNode::of);
    }

    /**
     * Loads the index, and after a failure (a page that outlasted its timeout, the database unreachable) loads it again
     * after a pause, doubling up to a minute, while the service runs: one failed read must not leave walks on Cypher
     * until the next restart. Gives way to a load or an unload started meanwhile (a rebuild). Callers start it only
     * when the index is enabled.
     */
    void loadQuietly() {
        var retry = new ExponentialBackOff(1_000, 2);
        retry.setMaxInterval(60_000);
        BackOffExecution pauses = retry.start();
        while (running) {
            try {
                load();
                return;
            } catch (OverBudgetException e) {
                overBudget(e);
                return;
            } catch (RuntimeException e) {
                long failed;
                synchronized (patching) {
                    failed = generation;
                }
                loadFailures.increment();
                long pause = pauses.nextBackOff();
                log.warn(
                        "Lineage index load failed ({}); walks use Cypher; loading again in {} ms",
                        e.toString(),
                        pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                synchronized (patching) {
                    if (generation != failed) {
                        return;
                    }
                }
            }
        }
    }

    /** Throws {@link OverBudgetException} when {@code bytes} exceed the index's share of the heap. */
    private void withinBudget(long bytes) {
        if (bytes > budget) {
            throw new OverBudgetException(bytes);
        }
    }

    private void overBudget(OverBudgetException e) {
        overBudget = true;
        log.warn(
                "Lineage index dropped: it needs ~{} MB, more than its {} MB ({} of the {} MB maximum heap); walks use"
                        + " Cypher (slower) until a restart with a larger -Xmx or TRIBUTARY_LINEAGE_INDEX_HEAP_SHARE",
                e.bytes / 1_000_000,
                budget / 1_000_000,
                properties.heapShare(),
                Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    /** The index outgrew its share of the heap (a load stops at the page that takes it past). */
    private static final class OverBudgetException extends RuntimeException {
        final long bytes;

        OverBudgetException(long bytes) {
            super("lineage index over its heap budget: ~" + bytes + " bytes", null, false, false);
            this.bytes = bytes;
        }
    }

    @Override
    public void start() {
        running = true;
        if (properties.enabled()) {
            Thread.ofVirtual().name("lineage-index-load").start(this::loadQuietly);
        }
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
