package io.tributary.lineage.index;

import io.tributary.store.DriverValues;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * The run graph in memory, beside the {@link AdjacencyGraph} that owns it (same lock, same patches), for run lineage:
 * each run (dense id) with its sort and start times, the datasets it read (the read's first sighting and its
 * datasetVersion facet) and the versions it created; each dataset (the owner's dense id) with its versions in
 * (createdAt, runId) order and the runs that read it. Which version a read resolves to is decided at walk time by
 * {@link #resolve}, the rule of run/upstream.cypher, so nothing here depends on the order events arrived in.
 */
public final class RunGraph {

    /** An absent time. */
    public static final long NONE = Long.MIN_VALUE;

    /** Receives one hop of a walk: the run at the far end and the version between. */
    public interface Hops {
        void hop(int far, int version);
    }

    private final LongIntMap ids = new LongIntMap(1 << 10);
    private String[] runIds = new String[1024];
    private long[] sortTime = new long[1024];
    private long[] startedAt = new long[1024];
    /** Per run (never null once set): pairs of longs, (dataset << 32 | datasetVersion code) and the first sighting. */
    private long[][] reads = new long[1024][];
    /** Per run (never null once set): the versions it created. */
    private int[][] created = new int[1024][];

    private int size;

    private final LongIntMap versionIds = new LongIntMap(1 << 10);
    private int[] versionDataset = new int[1024];
    private int[] versionRun = new int[1024];
    private int[] versionCode = new int[1024];
    private long[] versionCreated = new long[1024];
    private int versions;

    /** Per dataset: its versions, oldest first by (createdAt, runId); and the runs that read it. */
    private int[][] byDataset = new int[1024][];

    private int[][] readers = new int[1024][];

    private final Map<String, Integer> codes = new HashMap<>();
    /** Set while a load adds runs: per-dataset lists are built once at {@link #finish}. */
    private boolean loading = true;

    private static final int[] NO_INTS = new int[0];
    private static final long[] NO_LONGS = new long[0];

    /** A read as loaded or patched: the dataset (owner's dense id), first sighting, datasetVersion facet. */
    record Read(int dataset, long firstSeen, String datasetVersion) {}

    /** A version as loaded or patched: the dataset (owner's dense id), createdAt, datasetVersion facet. */
    record Created(int dataset, long createdAt, String datasetVersion) {}

    /** A run as runs.cypher and touched-runs.cypher read it; datasets by element id. */
    record RunRow(String id, String runId, long sortTime, long startedAt, List<Value> reads, List<Value> created) {
        static RunRow of(org.neo4j.driver.Record r) {
            return new RunRow(
                    r.get("id").asString(),
                    r.get("runId").asString(),
                    nanos(r.get("sortTime")),
                    nanos(r.get("startedAt")),
                    r.get("reads").asList(v -> v),
                    r.get("created").asList(v -> v));
        }

        /** Sets the run in {@code runs}, its datasets' element ids resolved by {@code dataset} (-1: left out). */
        void into(RunGraph runs, long databaseId, java.util.function.ToIntFunction<String> dataset) {
            var readRows = new ArrayList<Read>(reads.size());
            for (Value v : reads) {
                int d = dataset.applyAsInt(v.get("dataset").asString());
                if (d >= 0) {
                    readRows.add(new Read(d, nanos(v.get("firstSeen")), DriverValues.string(v.get("datasetVersion"))));
                }
            }
            var createdRows = new ArrayList<Created>(created.size());
            for (Value v : created) {
                int d = dataset.applyAsInt(v.get("dataset").asString());
                if (d >= 0) {
                    createdRows.add(
                            new Created(d, nanos(v.get("createdAt")), DriverValues.string(v.get("datasetVersion"))));
                }
            }
            runs.set(
                    databaseId,
                    runId,
                    sortTime,
                    startedAt,
                    readRows.toArray(Read[]::new),
                    createdRows.toArray(Created[]::new));
        }
    }

    public int size() {
        return size;
    }

    /** The dense id of the run with this database id, or -1. */
    int run(long databaseId) {
        return ids.get(databaseId);
    }

    public String runId(int run) {
        return runIds[run];
    }

    /** The run's sort time in nanoseconds since the epoch, or {@link #NONE}. */
    public long sortTime(int run) {
        return sortTime[run];
    }

    public int versionDataset(int version) {
        return versionDataset[version];
    }

    public int versionRun(int version) {
        return versionRun[version];
    }

    /**
     * Each dataset the run read and the version that read resolves to (skipped when none does): upstream.cypher's
     * hops.
     */
    public void upstream(int run, Hops hops) {
        long[] own = reads[run];
        for (int i = 0; i < own.length; i += 2) {
            int dataset = (int) (own[i] >>> 32);
            int code = (int) own[i];
            int v = resolve(run, dataset, code, readAt(run, own[i + 1]));
            if (v >= 0) {
                hops.hop(versionRun[v], v);
            }
        }
    }

    /** Each run whose read resolves to a version this run created: downstream.cypher's hops. */
    public void downstream(int run, Hops hops) {
        int[] mine = created[run];
        for (int i = 0; i < mine.length; i++) {
            int v = mine[i];
            int dataset = versionDataset[v];
            int[] theirs = readers[dataset];
            for (int j = 0; theirs != null && j < theirs.length; j++) {
                int reader = theirs[j];
                if (reader == run) {
                    continue;
                }
                long[] read = reads[reader];
                for (int k = 0; k < read.length; k += 2) {
                    if ((int) (read[k] >>> 32) != dataset) {
                        continue;
                    }
                    int code = (int) read[k];
                    long at = readAt(reader, read[k + 1]);
                    boolean candidate =
                            (code >= 0 && code == versionCode[v]) || (at != NONE && at >= versionCreated[v]);
                    if (candidate && resolve(reader, dataset, code, at) == v) {
                        hops.hop(reader, v);
                    }
                }
            }
        }
    }

    /** A read happened at its run's START, else when it was first reported. */
    private long readAt(int run, long firstSeen) {
        return startedAt[run] != NONE ? startedAt[run] : firstSeen;
    }

    /**
     * The version a read resolves to: the newest (createdAt, then runId) the read's datasetVersion facet names, else
     * the newest created at or before the read; never one the reading run created. -1 when none.
     */
    int resolve(int run, int dataset, int code, long readAt) {
        int[] list = dataset < byDataset.length ? byDataset[dataset] : null;
        if (list == null) {
            return -1;
        }
        if (code >= 0) {
            for (int i = list.length - 1; i >= 0; i--) {
                int v = list[i];
                if (versionCode[v] == code && versionRun[v] != run) {
                    return v;
                }
            }
        }
        if (readAt == NONE) {
            return -1;
        }
        // The last version created at or before readAt, then older ones past the run's own.
        int low = 0;
        int high = list.length - 1;
        int last = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (versionCreated[list[mid]] <= readAt) {
                last = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        for (int i = last; i >= 0; i--) {
            if (versionRun[list[i]] != run) {
                return list[i];
            }
        }
        return -1;
    }

    // Load and patch (the owner's builder, or under the owner's write lock).

    /**
     * Sets a run as read (added if new): its times, reads and created versions replace what the index held, and the
     * datasets' lists follow.
     */
    void set(long databaseId, String runId, long sort, long started, Read[] newReads, Created[] newCreated) {
        int run = ids.get(databaseId);
        if (run < 0) {
            run = add(databaseId);
        } else if (!loading) {
            unlink(run);
        }
        runIds[run] = runId;
        sortTime[run] = sort;
        startedAt[run] = started;
        long[] packed = newReads.length == 0 ? NO_LONGS : new long[newReads.length * 2];
        for (int i = 0; i < newReads.length; i++) {
            Read r = newReads[i];
            packed[i * 2] = (long) r.dataset() << 32 | (code(r.datasetVersion()) & 0xffffffffL);
            packed[i * 2 + 1] = r.firstSeen();
        }
        reads[run] = packed;
        int[] mine = newCreated.length == 0 ? NO_INTS : new int[newCreated.length];
        for (int i = 0; i < newCreated.length; i++) {
            mine[i] = version(run, newCreated[i]);
        }
        created[run] = mine;
        if (!loading) {
            link(run);
        }
    }

    private int add(long databaseId) {
        if (size == runIds.length) {
            int n = size * 2;
            runIds = Arrays.copyOf(runIds, n);
            sortTime = Arrays.copyOf(sortTime, n);
            startedAt = Arrays.copyOf(startedAt, n);
            reads = Arrays.copyOf(reads, n);
            created = Arrays.copyOf(created, n);
        }
        ids.put(databaseId, size);
        return size++;
    }

    private int version(int run, Created c) {
        long key = (long) c.dataset() << 32 | (run & 0xffffffffL);
        int v = versionIds.get(key);
        if (v < 0) {
            if (versions == versionRun.length) {
                int n = versions * 2;
                versionDataset = Arrays.copyOf(versionDataset, n);
                versionRun = Arrays.copyOf(versionRun, n);
                versionCode = Arrays.copyOf(versionCode, n);
                versionCreated = Arrays.copyOf(versionCreated, n);
            }
            v = versions++;
            versionIds.put(key, v);
        }
        versionDataset[v] = c.dataset();
        versionRun[v] = run;
        versionCode[v] = code(c.datasetVersion());
        versionCreated[v] = c.createdAt();
        return v;
    }

    private int code(String datasetVersion) {
        return datasetVersion == null ? -1 : codes.computeIfAbsent(datasetVersion, k -> codes.size());
    }

    /** Takes the run out of its datasets' reader and version lists (before it is set again). */
    private void unlink(int run) {
        long[] own = reads[run];
        for (int i = 0; i < own.length; i += 2) {
            int dataset = (int) (own[i] >>> 32);
            readers[dataset] = without(readers[dataset], run);
        }
        int[] mine = created[run];
        for (int i = 0; i < mine.length; i++) {
            int dataset = versionDataset[mine[i]];
            byDataset[dataset] = without(byDataset[dataset], mine[i]);
        }
    }

    /** Puts the run into its datasets' reader lists and its versions into their datasets' ordered lists. */
    private void link(int run) {
        long[] own = reads[run];
        for (int i = 0; i < own.length; i += 2) {
            int dataset = (int) (own[i] >>> 32);
            ensureDatasets(dataset);
            int[] list = readers[dataset];
            if (list == null || !AdjacencyGraph.contains(list, run)) {
                readers[dataset] = with(list, run);
            }
        }
        for (int v : created[run]) {
            int dataset = versionDataset[v];
            ensureDatasets(dataset);
            int[] list = byDataset[dataset] == null ? NO_INTS : byDataset[dataset];
            int at = insertionPoint(list, v);
            int[] grown = new int[list.length + 1];
            System.arraycopy(list, 0, grown, 0, at);
            grown[at] = v;
            System.arraycopy(list, at, grown, at + 1, list.length - at);
            byDataset[dataset] = grown;
        }
    }

    /** Builds the per-dataset lists once a load has set every run. */
    void finish(int datasets) {
        ensureDatasets(datasets - 1);
        int[] readCount = new int[byDataset.length];
        int[] versionCount = new int[byDataset.length];
        for (int run = 0; run < size; run++) {
            long[] own = reads[run];
            for (int i = 0; i < own.length; i += 2) {
                readCount[(int) (own[i] >>> 32)]++;
            }
        }
        // From the runs' lists, not every version id: a run read twice by a paged load keeps only its latest list.
        for (int run = 0; run < size; run++) {
            for (int v : created[run]) {
                versionCount[versionDataset[v]]++;
            }
        }
        for (int d = 0; d < byDataset.length; d++) {
            readers[d] = readCount[d] == 0 ? null : new int[readCount[d]];
            byDataset[d] = versionCount[d] == 0 ? null : new int[versionCount[d]];
        }
        int[] fill = new int[byDataset.length];
        for (int run = 0; run < size; run++) {
            long[] own = reads[run];
            for (int i = 0; i < own.length; i += 2) {
                int d = (int) (own[i] >>> 32);
                readers[d][fill[d]++] = run;
            }
        }
        Arrays.fill(fill, 0);
        for (int run = 0; run < size; run++) {
            for (int v : created[run]) {
                int d = versionDataset[v];
                byDataset[d][fill[d]++] = v;
            }
        }
        for (int d = 0; d < byDataset.length; d++) {
            if (byDataset[d] != null && byDataset[d].length > 1) {
                byDataset[d] = Arrays.stream(byDataset[d])
                        .boxed()
                        .sorted(this::compareVersions)
                        .mapToInt(Integer::intValue)
                        .toArray();
            }
        }
        loading = false;
    }

    private int compareVersions(int a, int b) {
        int byTime = Long.compare(versionCreated[a], versionCreated[b]);
        return byTime != 0 ? byTime : runIds[versionRun[a]].compareTo(runIds[versionRun[b]]);
    }

    private int insertionPoint(int[] list, int v) {
        int low = 0;
        int high = list.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compareVersions(list[mid], v) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void ensureDatasets(int dataset) {
        if (dataset >= byDataset.length) {
            int n = Math.max(dataset + 1, byDataset.length * 2);
            byDataset = Arrays.copyOf(byDataset, n);
            readers = Arrays.copyOf(readers, n);
        }
    }

    private static int[] with(int[] list, int x) {
        if (list == null) {
            return new int[] {x};
        }
        int[] grown = Arrays.copyOf(list, list.length + 1);
        grown[list.length] = x;
        return grown;
    }

    private static int[] without(int[] list, int x) {
        if (list == null) {
            return null;
        }
        int n = 0;
        int[] kept = new int[list.length];
        for (int y : list) {
            if (y != x) {
                kept[n++] = y;
            }
        }
        return n == 0 ? null : Arrays.copyOf(kept, n);
    }

    /** Heap held, estimated from the arrays and run ids. */
    long bytes() {
        long bytes = ids.bytes() + versionIds.bytes();
        bytes += runIds.length * (4L + 8 + 8 + 4 + 4) + versionRun.length * (4L + 4 + 4 + 8);
        for (int run = 0; run < size; run++) {
            bytes += 40 + runIds[run].length() + 16 + reads[run].length * 8L + 16 + created[run].length * 4L;
        }
        for (int d = 0; d < byDataset.length; d++) {
            bytes += byDataset[d] == null ? 0 : 16 + byDataset[d].length * 4L;
            bytes += readers[d] == null ? 0 : 16 + readers[d].length * 4L;
        }
        return bytes;
    }

    /** A time as nanoseconds since the epoch, or {@link #NONE}. */
    static long nanos(Value v) {
        if (v == null || v.isNull()) {
            return NONE;
        }
        ZonedDateTime t = v.asZonedDateTime();
        return t.toEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
