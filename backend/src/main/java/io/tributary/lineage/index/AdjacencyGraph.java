package io.tributary.lineage.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The job-dataset graph in memory: dense int ids, primitive arrays, no object per edge. Edges are current-version
 * job-dataset edges in the direction data flows ({@link #DOWN}), the same reversed ({@link #UP}), and symlinks either
 * way ({@link #SYMLINK}). The load's edges are compressed rows (CSR: one offsets array, one neighbours array per
 * direction); a node whose edges a patch changed (or that a patch added) has its own neighbour arrays, which take
 * precedence. Soft-deleted nodes stay, marked: the walk skips them, and a restore only clears the mark.
 *
 * <p>Walks read under the read lock, patches write under the write lock (patches are small: the nodes one window
 * touched, read from the database before the lock is taken).
 */
public final class AdjacencyGraph {

    public static final int DOWN = 0;
    public static final int UP = 1;
    public static final int SYMLINK = 2;

    /** The element ids' common part ({@code 4:<database>:}); learned from the first node when loaded empty. */
    private String prefix;

    private final NodeTable nodes;
    private final ColumnGraph columns;
    private final RunGraph runs;
    private final int loaded;
    private final int[][] offsets;
    private final int[][] neighbours;
    private final List<Map<Integer, int[]>> patched = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private AdjacencyGraph(Builder b, int[][] offsets, int[][] neighbours) {
        this.prefix = b.prefix;
        this.nodes = b.nodes;
        this.columns = b.columns;
        this.runs = b.runs;
        this.loaded = b.nodes.size;
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    /** Runs a walk under the read lock: patches wait for it (and it for them). */
    public <T> T read(Supplier<T> walk) {
        lock.readLock().lock();
        try {
            return walk.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The dense id of the dataset (or job) with this key, soft-deleted or not, or -1 when the index lacks it. */
    public int node(boolean job, String namespace, String name) {
        return nodes.find(job, namespace, name);
    }

    public String elementId(int node) {
        return prefix + nodes.databaseIds[node];
    }

    /** The column graph: fields and their derivations (dataset ids are this graph's). */
    public ColumnGraph columns() {
        return columns;
    }

    /** The run graph: runs, their reads and versions (dataset ids are this graph's). */
    public RunGraph runs() {
        return runs;
    }

    /** The dense id of the run with this element id, or -1 when the index lacks it. */
    public int run(String elementId) {
        long id = localId(elementId);
        return id < 0 ? -1 : runs.run(id);
    }

    /** The dense id of the field with this element id, or -1 when the index lacks it. */
    public int field(String elementId) {
        long id = localId(elementId);
        return id < 0 ? -1 : columns.field(id);
    }

    /** The numeric part of an element id of this graph's database, or -1 for one of another form. */
    private long localId(String elementId) {
        int colon = elementId.lastIndexOf(':');
        if (colon != prefix.length() - 1 || !elementId.startsWith(prefix)) {
            return -1;
        }
        return Long.parseLong(elementId.substring(colon + 1));
    }

    public String fieldElementId(int field) {
        return prefix + columns.databaseId(field);
    }

    public int size() {
        return nodes.size;
    }

    public boolean job(int node) {
        return (nodes.flags[node] & NodeTable.JOB) != 0;
    }

    public boolean deleted(int node) {
        return (nodes.flags[node] & NodeTable.DELETED) != 0;
    }

    public boolean declares(int node) {
        return (nodes.flags[node] & NodeTable.DECLARES) != 0;
    }

    public String namespace(int node) {
        return nodes.namespaces[node];
    }

    public String name(int node) {
        return nodes.names[node];
    }

    /** How far identity-datasets.cypher follows symlinks ({@code [:SYMLINK*1..8]}). */
    private static final int SYMLINK_HOPS = 8;

    /**
     * The dataset's symlink group as identity-datasets.cypher reads it: itself, then the datasets up to 8 symlinks
     * away either way (through deleted ones too), deleted ones left out.
     */
    public int[] symlinkGroup(int v) {
        if (degree(SYMLINK, v) == 0) {
            return new int[] {v};
        }
        var reached = new java.util.LinkedHashMap<Integer, Integer>();
        reached.put(v, 0);
        var queue = new java.util.ArrayList<Integer>(List.of(v));
        for (int i = 0; i < queue.size(); i++) {
            int u = queue.get(i);
            int hops = reached.get(u);
            if (hops == SYMLINK_HOPS) {
                continue;
            }
            forEachNeighbour(SYMLINK, u, x -> {
                if (!reached.containsKey(x)) {
                    reached.put(x, hops + 1);
                    queue.add(x);
                }
            });
        }
        return reached.keySet().stream()
                .mapToInt(Integer::intValue)
                .filter(m -> m == v || !deleted(m))
                .toArray();
    }

    /** The node's owners (its ownership facet), empty for none. */
    public List<String> owners(int node) {
        String[] own = nodes.owners[node];
        return own == null ? List.of() : List.of(own);
    }

    /** Documentation, job type and (for a job) its latest run, as the last load or patch read them. */
    public NodeDetails details(int node) {
        return nodes.details(node);
    }

    /** The neighbours of {@code node} in {@code direction} ({@link #DOWN}, {@link #UP}, {@link #SYMLINK}). */
    public int degree(int direction, int node) {
        int[] own = patched.get(direction).get(node);
        if (own != null) {
            return own.length;
        }
        return node < loaded ? offsets[direction][node + 1] - offsets[direction][node] : 0;
    }

    /** The neighbours of {@code node} in {@code direction}, copied (see {@link #forEachNeighbour} to walk them). */
    public int[] neighbours(int direction, int node) {
        int[] own = patched.get(direction).get(node);
        if (own != null) {
            return own;
        }
        if (node >= loaded) {
            return EMPTY;
        }
        return Arrays.copyOfRange(neighbours[direction], offsets[direction][node], offsets[direction][node + 1]);
    }

    /** Calls {@code visit} with each neighbour of {@code node} in {@code direction}, without copying. */
    public void forEachNeighbour(int direction, int node, java.util.function.IntConsumer visit) {
        int[] own = patched.get(direction).get(node);
        if (own != null) {
            for (int n : own) {
                visit.accept(n);
            }
            return;
        }
        if (node >= loaded) {
            return;
        }
        int[] all = neighbours[direction];
        for (int i = offsets[direction][node], end = offsets[direction][node + 1]; i < end; i++) {
            visit.accept(all[i]);
        }
    }

    private static final int[] EMPTY = new int[0];

    /** What a patch read of one touched node: itself and its neighbours as they now stand. */
    record Touched(IndexedNode node, List<IndexedNode> down, List<IndexedNode> up, List<IndexedNode> symlinks) {}

    /**
     * Sets each touched node's flags and edges to what was read, and the other end of every edge that appeared or
     * disappeared, so both directions agree.
     */
    void patch(List<Touched> touched, List<ColumnGraph.TouchedDataset> fields, List<RunGraph.RunRow> touchedRuns) {
        lock.writeLock().lock();
        try {
            for (Touched t : touched) {
                int v = ensure(t.node());
                replace(DOWN, UP, v, t.down());
                replace(UP, DOWN, v, t.up());
                replace(SYMLINK, SYMLINK, v, t.symlinks());
            }
            for (ColumnGraph.TouchedDataset t : fields) {
                int d = ensure(t.dataset());
                int[] own = new int[t.fields().size()];
                for (int i = 0; i < own.length; i++) {
                    own[i] = ensure(t.fields().get(i).field());
                }
                columns.fields(d, own);
                for (int i = 0; i < own.length; i++) {
                    ColumnGraph.TouchedField f = t.fields().get(i);
                    columns.replace(UP, own[i], feeds(f.up()));
                }
            }
            // After the nodes: a run's datasets are in the index by now (the window that made a read touched them).
            for (RunGraph.RunRow r : touchedRuns) {
                r.into(runs, databaseId(prefix, r.id()), this::knownDataset);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int knownDataset(String elementId) {
        int v = nodes.ids.get(databaseId(prefix, elementId));
        if (v < 0) {
            throw new IllegalStateException("a run's dataset " + elementId + " is not in the lineage index");
        }
        return v;
    }

    /** A field read by a patch, added if new, with its dataset (added if new: one named only by column lineage). */
    private int ensure(ColumnGraph.FieldRow f) {
        int dataset = ensure(f.dataset());
        return columns.set(databaseId(prefix, f.id()), dataset, f.name(), f.type(), f.current());
    }

    private int[] feeds(List<ColumnGraph.FeedRow> rows) {
        int[] packed = new int[rows.size() * 3];
        for (int i = 0; i < rows.size(); i++) {
            ColumnGraph.FeedRow row = rows.get(i);
            packed[i * 3] = ensure(row.far());
            packed[i * 3 + 1] = job(row.jobNamespace(), row.jobName());
            packed[i * 3 + 2] = ColumnGraph.code(columns.derivation(row.derivation()), row.current());
        }
        return packed;
    }

    private int job(String namespace, String name) {
        return namespace == null || name == null ? -1 : nodes.find(true, namespace, name);
    }

    private void replace(int direction, int reverse, int v, List<IndexedNode> now) {
        int[] before = neighbours(direction, v);
        int[] after = now.stream().mapToInt(this::ensure).distinct().toArray();
        patched.get(direction).put(v, after);
        for (int u : before) {
            if (!contains(after, u)) {
                patched.get(reverse).put(u, without(neighbours(reverse, u), v));
            }
        }
        for (int u : after) {
            if (!contains(before, u)) {
                int[] theirs = neighbours(reverse, u);
                if (!contains(theirs, v)) {
                    int[] grown = Arrays.copyOf(theirs, theirs.length + 1);
                    grown[theirs.length] = v;
                    patched.get(reverse).put(u, grown);
                }
            }
        }
    }

    /** The dense id of a node read by a patch, added if new; its flags and key as read. */
    private int ensure(IndexedNode n) {
        if (prefix.isEmpty()) {
            prefix = prefix(n.id());
        }
        int v = nodes.add(databaseId(prefix, n.id()));
        if (nodes.set(v, n)) {
            isolate(v); // another node under a reused id: none of the old one's edges hold
        }
        return v;
    }

    private void isolate(int v) {
        for (int[] pair : new int[][] {{DOWN, UP}, {UP, DOWN}, {SYMLINK, SYMLINK}}) {
            for (int u : neighbours(pair[0], v)) {
                patched.get(pair[1]).put(u, without(neighbours(pair[1], u), v));
            }
            patched.get(pair[0]).put(v, EMPTY);
        }
    }

    static boolean contains(int[] values, int value) {
        for (int x : values) {
            if (x == value) {
                return true;
            }
        }
        return false;
    }

    private static int[] without(int[] values, int value) {
        return Arrays.stream(values).filter(x -> x != value).toArray();
    }

    /** The numeric part of an element id ({@code 4:<database>:<number>}), checked against the graph's database. */
    static long databaseId(String prefix, String elementId) {
        int colon = elementId.lastIndexOf(':');
        if (colon != prefix.length() - 1 || !elementId.startsWith(prefix)) {
            throw new IllegalStateException("element id " + elementId + " is not of the form " + prefix + "<number>");
        }
        return Long.parseLong(elementId.substring(colon + 1));
    }

    static String prefix(String elementId) {
        return elementId.substring(0, elementId.lastIndexOf(':') + 1);
    }

    /** Heap held by the index, estimated from its arrays and strings (names dominate). */
    public long bytes() {
        lock.readLock().lock();
        try {
            long bytes = nodes.bytes() + columns.bytes() + runs.bytes();
            for (int d = 0; d < 3; d++) {
                bytes += offsets[d].length * 4L + neighbours[d].length * 4L;
                for (int[] own : patched.get(d).values()) {
                    bytes += 16 + own.length * 4L + 48;
                }
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Edges held, each direction counted once (symlinks once per end). */
    public long edges() {
        return read(() -> {
            long edges = 0;
            for (int v = 0; v < nodes.size; v++) {
                edges += degree(DOWN, v);
            }
            return edges;
        });
    }

    /** Collects a load's nodes, then its edges, into the compressed arrays. */
    static final class Builder {
        private String prefix;
        private final NodeTable nodes = new NodeTable();
        private final IntPairs[] edges = {new IntPairs(), new IntPairs()};
        private final ColumnGraph columns = new ColumnGraph();
        private final RunGraph runs = new RunGraph();
        /** Job-dataset edges as read: database ids of both ends, current (1) or not; resolved when the load ends. */
        private final Rows flows = new Rows();
        /**
         * Derivations as read: the input field's database id, the derivation; the output field and the job (dense ids,
         * known when read); resolved likewise.
         */
        private final Rows feeds = new Rows();

        /** Adds a node (again: the later read wins, as a page may repeat one that moved); its dense id. */
        int node(IndexedNode n) {
            if (prefix == null) {
                prefix = prefix(n.id());
            }
            int v = nodes.add(databaseId(prefix, n.id()));
            nodes.set(v, n);
            return v;
        }

        /** The dense id of a loaded node, or -1 (a node created after its page was read: a patch brings it). */
        int node(String elementId) {
            if (prefix == null) {
                return -1;
            }
            return nodes.ids.get(databaseId(prefix, elementId));
        }

        /**
         * A job-dataset edge in the direction data flows, read with one of its nodes: resolved when the load ends (the
         * other node may come on a later page). A history one is kept only to judge derivations.
         */
        void flow(String fromElementId, String toElementId, boolean current) {
            flows.add(databaseId(prefix, fromElementId), databaseId(prefix, toElementId), current ? 1 : 0, 0);
        }

        /** Adds a field of a dataset the load just added; its dense id. */
        int field(String elementId, int dataset, String name, String type, boolean current) {
            return columns.set(databaseId(prefix, elementId), dataset, name, type, current);
        }

        /**
         * A derivation that feeds a field the load just added, from a field that may come on a later page (resolved
         * when the load ends; jobs are loaded before datasets).
         */
        void feed(
                String fromElementId, int to, ColumnGraph.Derivation derivation, String jobNamespace, String jobName) {
            int job = jobNamespace == null || jobName == null ? -1 : nodes.find(true, jobNamespace, jobName);
            feeds.add(databaseId(prefix, fromElementId), columns.derivation(derivation), to, job);
        }

        private static long pair(int from, int to) {
            return (long) from << 32 | (to & 0xffffffffL);
        }

        /** A run of a page read after the datasets; a read or version of a dataset not loaded is left out. */
        void run(RunGraph.RunRow r) {
            if (prefix == null) {
                prefix = prefix(r.id());
            }
            r.into(runs, databaseId(prefix, r.id()), this::node);
        }

        void symlink(int from, int to) {
            edges[1].add(from, to);
        }

        /**
         * Heap the index will keep of what was read so far, estimated as {@link AdjacencyGraph#bytes()} is: its nodes,
         * fields and runs, not the edge rows read (resolved into smaller arrays when the load ends).
         */
        long bytes() {
            return nodes.bytes() + columns.bytes() + runs.bytes();
        }

        /** Resolves the edges and derivations read, each kept when both its ends were loaded. */
        private void resolve() {
            var history = new LongIntMap(1 << 10);
            for (int i = 0; i < flows.size; i++) {
                int from = nodes.ids.get(flows.x[i]);
                int to = nodes.ids.get(flows.y[i]);
                if (from < 0 || to < 0) {
                    continue;
                }
                if (flows.a[i] == 1) {
                    edges[0].add(from, to);
                } else {
                    history.put(pair(from, to), 1);
                }
            }
            var from = new int[feeds.size];
            var to = new int[feeds.size];
            var job = new int[feeds.size];
            var code = new int[feeds.size];
            int n = 0;
            for (int i = 0; i < feeds.size; i++) {
                int f = columns.field(feeds.x[i]);
                if (f < 0) {
                    continue;
                }
                int t = feeds.a[i];
                int j = feeds.b[i];
                // Current unless its job's edge from the input's dataset or to the output's is history.
                boolean current = j < 0
                        || (history.get(pair(columns.dataset(f), j)) < 0
                                && history.get(pair(j, columns.dataset(t))) < 0);
                from[n] = f;
                to[n] = t;
                job[n] = j;
                code[n] = ColumnGraph.code((int) feeds.y[i], current);
                n++;
            }
            columns.build(nodes.size, from, to, job, code, n);
        }

        AdjacencyGraph build() {
            if (prefix == null) {
                prefix = "";
            }
            resolve();
            IntPairs flow = edges[0];
            IntPairs links = edges[1];
            int[][] offsets = new int[3][];
            int[][] neighbours = new int[3][];
            csr(flow.a, flow.b, flow.size, DOWN, offsets, neighbours);
            csr(flow.b, flow.a, flow.size, UP, offsets, neighbours);
            // Symlinks either way: both ends list each other.
            var either = new IntPairs();
            for (int i = 0; i < links.size; i++) {
                either.add(links.a[i], links.b[i]);
                either.add(links.b[i], links.a[i]);
            }
            csr(either.a, either.b, either.size, SYMLINK, offsets, neighbours);
            runs.finish(nodes.size);
            return new AdjacencyGraph(this, offsets, neighbours);
        }

        private void csr(int[] from, int[] to, int count, int direction, int[][] offsets, int[][] neighbours) {
            int size = nodes.size;
            int[] start = new int[size + 1];
            for (int i = 0; i < count; i++) {
                start[from[i] + 1]++;
            }
            for (int v = 0; v < size; v++) {
                start[v + 1] += start[v];
            }
            int[] fill = Arrays.copyOf(start, size);
            int[] all = new int[count];
            for (int i = 0; i < count; i++) {
                all[fill[from[i]]++] = to[i];
            }
            offsets[direction] = start;
            neighbours[direction] = all;
        }
    }

    /** Growable rows of two longs and two ints (what each holds is the caller's). */
    private static final class Rows {
        long[] x = new long[1024];
        long[] y = new long[1024];
        int[] a = new int[1024];
        int[] b = new int[1024];
        int size;

        void add(long x, long y, int a, int b) {
            if (size == this.x.length) {
                this.x = Arrays.copyOf(this.x, size * 2);
                this.y = Arrays.copyOf(this.y, size * 2);
                this.a = Arrays.copyOf(this.a, size * 2);
                this.b = Arrays.copyOf(this.b, size * 2);
            }
            this.x[size] = x;
            this.y[size] = y;
            this.a[size] = a;
            this.b[size] = b;
            size++;
        }
    }

    /** Growable pairs of ints. */
    private static final class IntPairs {
        int[] a = new int[1024];
        int[] b = new int[1024];
        int size;

        void add(int x, int y) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
                b = Arrays.copyOf(b, size * 2);
            }
            a[size] = x;
            b[size] = y;
            size++;
        }
    }
}
