package io.tributary.lineage.index;

import io.tributary.store.DriverValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.neo4j.driver.Value;

/**
 * The column graph in memory, beside the {@link AdjacencyGraph} that owns it (same lock, same patches): fields by dense
 * id with their dataset (a dense id of the owner), name, type and whether they are in their dataset's current schema;
 * column lineage ({@code FEEDS}) both ways, each derivation as three ints (far field, job, what it shows and whether
 * it is current). Like the owner, the load's edges are compressed rows and a patched field has its own array.
 * Deleted marks are the owner's, read as a walk passes.
 */
public final class ColumnGraph {

    private static final int STRIDE = 3;
    private static final int[] EMPTY = new int[0];

    private final LongIntMap ids = new LongIntMap(1 << 16);
    private long[] databaseIds = new long[1024];
    private int[] datasets = new int[1024];
    private String[] names = new String[1024];
    private String[] types = new String[1024];
    private final BitSet current = new BitSet();
    private int size;
    /** Set once the load's rows are compressed: a field added after that joins its dataset's own list. */
    private boolean built;

    private final Map<String, String> pool = new HashMap<>();

    private final List<Derivation> derivations = new ArrayList<>();
    private final Map<Derivation, Integer> derivationIds = new HashMap<>();

    /** Fields per dataset (owner's dense id): the load's, then a patched dataset's own list. */
    private int[] fieldOffsets = new int[1];

    private int[] fieldsByDataset = EMPTY;
    private final Map<Integer, int[]> patchedFields = new HashMap<>();

    private int loaded;
    private final int[][] offsets = {new int[1], new int[1]};
    private final int[][] feeds = {EMPTY, EMPTY};
    private final List<Map<Integer, int[]>> patched = List.of(new HashMap<>(), new HashMap<>());

    /** What a column walk shows on a derivation; subtype as stored (empty for none). */
    public record Derivation(String type, String subtype, String description, Boolean masking) {}

    /** Visits a derivation from a field: the field at its other end, the job that reported it, what it shows. */
    @FunctionalInterface
    public interface FeedVisitor {
        void visit(int far, int job, Derivation derivation, boolean current);
    }

    // Walks (under the owner's read lock).

    /** The dense id of the field with this database id, or -1. */
    int field(long databaseId) {
        return ids.get(databaseId);
    }

    long databaseId(int field) {
        return databaseIds[field];
    }

    public int size() {
        return size;
    }

    /** The field's dataset, a dense id of the owning {@link AdjacencyGraph}. */
    public int dataset(int field) {
        return datasets[field];
    }

    public String name(int field) {
        return names[field];
    }

    public String type(int field) {
        return types[field];
    }

    /** In its dataset's current schema (or the dataset has none). */
    public boolean current(int field) {
        return current.get(field);
    }

    /** Every field of the dataset (any schema version), in no particular order. */
    public void forEachField(int dataset, IntConsumer visit) {
        int[] own = patchedFields.get(dataset);
        if (own != null) {
            for (int f : own) {
                if (datasets[f] == dataset) { // not a field whose id the database reused for another dataset's
                    visit.accept(f);
                }
            }
            return;
        }
        if (dataset + 1 < fieldOffsets.length) {
            for (int i = fieldOffsets[dataset], end = fieldOffsets[dataset + 1]; i < end; i++) {
                if (datasets[fieldsByDataset[i]] == dataset) {
                    visit.accept(fieldsByDataset[i]);
                }
            }
        }
    }

    /** The field of the dataset with this name, or -1. */
    public int field(int dataset, String name) {
        int[] found = {-1};
        forEachField(dataset, f -> {
            if (names[f].equals(name)) {
                found[0] = f;
            }
        });
        return found[0];
    }

    /** Each derivation from {@code field} in {@code direction} ({@link AdjacencyGraph#DOWN} or {@code UP}). */
    public void forEachFeed(int direction, int field, FeedVisitor visit) {
        int[] own = patched.get(direction).get(field);
        int[] all;
        int from;
        int end;
        if (own != null) {
            all = own;
            from = 0;
            end = own.length;
        } else if (field < loaded) {
            all = feeds[direction];
            from = offsets[direction][field] * STRIDE;
            end = offsets[direction][field + 1] * STRIDE;
        } else {
            return;
        }
        for (int i = from; i < end; i += STRIDE) {
            int code = all[i + 2];
            visit.visit(all[i], all[i + 1], derivations.get(code >>> 1), (code & 1) != 0);
        }
    }

    /** Derivations held, each counted once. */
    public long edges() {
        long edges = 0;
        for (int f = 0; f < size; f++) {
            edges += feeds(AdjacencyGraph.DOWN, f).length / STRIDE;
        }
        return edges;
    }

    /** Heap held, estimated from the arrays and the strings not shared. */
    long bytes() {
        long bytes = ids.bytes()
                + databaseIds.length * 8L
                + datasets.length * 4L
                + names.length * 8L
                + current.size() / 8
                + fieldOffsets.length * 4L
                + fieldsByDataset.length * 4L;
        for (String value : pool.keySet()) {
            bytes += 40 + value.length();
        }
        for (int d = 0; d < 2; d++) {
            bytes += offsets[d].length * 4L + feeds[d].length * 4L;
            for (int[] own : patched.get(d).values()) {
                bytes += 64 + own.length * 4L;
            }
        }
        for (int[] own : patchedFields.values()) {
            bytes += 64 + own.length * 4L;
        }
        return bytes;
    }

    // Load and patch (the owner's builder, or under the owner's write lock).

    /** The dense id of a field, added if new; its dataset, name, type and schema mark as read. */
    int set(long databaseId, int dataset, String name, String type, boolean inSchema) {
        int f = ids.get(databaseId);
        boolean moved = f >= 0 && datasets[f] != dataset;
        if (f < 0) {
            f = size++;
            if (f == databaseIds.length) {
                int capacity = f + (f >> 1);
                databaseIds = Arrays.copyOf(databaseIds, capacity);
                datasets = Arrays.copyOf(datasets, capacity);
                names = Arrays.copyOf(names, capacity);
                types = Arrays.copyOf(types, capacity);
            }
            databaseIds[f] = databaseId;
            ids.put(databaseId, f);
        }
        if (built && (moved || !contains(dataset, f))) {
            int[] grown = fieldsOf(dataset);
            grown = Arrays.copyOf(grown, grown.length + 1);
            grown[grown.length - 1] = f;
            patchedFields.put(dataset, grown);
        }
        datasets[f] = dataset;
        names[f] = shared(name);
        types[f] = shared(type);
        current.set(f, inSchema);
        return f;
    }

    private boolean contains(int dataset, int field) {
        boolean[] found = {false};
        forEachField(dataset, f -> found[0] |= f == field);
        return found[0];
    }

    private int[] fieldsOf(int dataset) {
        int[] own = patchedFields.get(dataset);
        if (own != null) {
            return own;
        }
        if (dataset + 1 >= fieldOffsets.length) {
            return EMPTY;
        }
        return Arrays.copyOfRange(fieldsByDataset, fieldOffsets[dataset], fieldOffsets[dataset + 1]);
    }

    int derivation(Derivation d) {
        return derivationIds.computeIfAbsent(d, k -> {
            derivations.add(k);
            return derivations.size() - 1;
        });
    }

    static int code(int derivation, boolean current) {
        return derivation << 1 | (current ? 1 : 0);
    }

    /** Builds the compressed rows from the load's fields ({@code datasetCount} datasets) and derivations. */
    void build(int datasetCount, int[] from, int[] to, int[] job, int[] code, int count) {
        loaded = size;
        csr(from, to, job, code, count, AdjacencyGraph.DOWN);
        csr(to, from, job, code, count, AdjacencyGraph.UP);
        int[] start = new int[datasetCount + 1];
        for (int f = 0; f < size; f++) {
            start[datasets[f] + 1]++;
        }
        for (int d = 0; d < datasetCount; d++) {
            start[d + 1] += start[d];
        }
        int[] fill = Arrays.copyOf(start, datasetCount);
        int[] all = new int[size];
        for (int f = 0; f < size; f++) {
            all[fill[datasets[f]]++] = f;
        }
        fieldOffsets = start;
        fieldsByDataset = all;
        built = true;
    }

    private void csr(int[] near, int[] far, int[] job, int[] code, int count, int direction) {
        int[] start = new int[size + 1];
        for (int i = 0; i < count; i++) {
            start[near[i] + 1]++;
        }
        for (int f = 0; f < size; f++) {
            start[f + 1] += start[f];
        }
        int[] fill = Arrays.copyOf(start, size);
        int[] all = new int[count * STRIDE];
        for (int i = 0; i < count; i++) {
            int at = fill[near[i]]++ * STRIDE;
            all[at] = far[i];
            all[at + 1] = job[i];
            all[at + 2] = code[i];
        }
        offsets[direction] = start;
        feeds[direction] = all;
    }

    /** The dataset's fields are exactly these now. */
    void fields(int dataset, int[] fields) {
        patchedFields.put(dataset, fields);
    }

    /**
     * The field's derivations in {@code direction} are exactly {@code after} now (three ints each); the other end of
     * each one it had or has lists its reverse, so both directions agree.
     */
    void replace(int direction, int field, int[] after) {
        int reverse = 1 - direction;
        int[] before = feeds(direction, field);
        patched.get(direction).put(field, after);
        var others = new LinkedHashSet<Integer>();
        for (int i = 0; i < before.length; i += STRIDE) {
            others.add(before[i]);
        }
        for (int i = 0; i < after.length; i += STRIDE) {
            others.add(after[i]);
        }
        for (int u : others) {
            int[] theirs = feeds(reverse, u);
            var kept = new int[theirs.length + after.length];
            int n = 0;
            for (int i = 0; i < theirs.length; i += STRIDE) {
                if (theirs[i] != field) {
                    System.arraycopy(theirs, i, kept, n, STRIDE);
                    n += STRIDE;
                }
            }
            for (int i = 0; i < after.length; i += STRIDE) {
                if (after[i] == u) {
                    kept[n] = field;
                    kept[n + 1] = after[i + 1];
                    kept[n + 2] = after[i + 2];
                    n += STRIDE;
                }
            }
            patched.get(reverse).put(u, Arrays.copyOf(kept, n));
        }
    }

    private int[] feeds(int direction, int field) {
        int[] own = patched.get(direction).get(field);
        if (own != null) {
            return own;
        }
        if (field >= loaded) {
            return EMPTY;
        }
        return Arrays.copyOfRange(
                feeds[direction], offsets[direction][field] * STRIDE, offsets[direction][field + 1] * STRIDE);
    }

    private String shared(String value) {
        return value == null ? null : pool.computeIfAbsent(value, k -> k);
    }

    /** A field as a patch reads it: its dataset is given (the touched one) or read beside it (a far end). */
    record FieldRow(String id, String name, String type, boolean current, IndexedNode dataset) {
        static FieldRow of(Value v, IndexedNode dataset) {
            return new FieldRow(
                    v.get("id").asString(),
                    v.get("name").asString(),
                    DriverValues.string(v.get("type")),
                    v.get("current").asBoolean(),
                    dataset != null ? dataset : IndexedNode.of(v.get("dataset")));
        }
    }

    /** A derivation as a patch reads it, into the touched field from {@code far}. */
    record FeedRow(FieldRow far, Derivation derivation, String jobNamespace, String jobName, boolean current) {
        static FeedRow of(Value v) {
            return new FeedRow(
                    FieldRow.of(v.get("far"), null),
                    derivationOf(v::get),
                    DriverValues.string(v.get("jobNamespace")),
                    DriverValues.string(v.get("jobName")),
                    v.get("current").asBoolean());
        }
    }

    /** A touched field with the derivations into it (replacing them updates their sources' lists too). */
    record TouchedField(FieldRow field, List<FeedRow> up) {}

    /** A dataset a patch read again: itself and every field it has, as they now stand. */
    record TouchedDataset(IndexedNode dataset, List<TouchedField> fields) {
        static TouchedDataset of(org.neo4j.driver.Record r) {
            IndexedNode dataset = IndexedNode.of(r.get("dataset"));
            return new TouchedDataset(
                    dataset,
                    r.get("fields")
                            .asList(f -> new TouchedField(
                                    FieldRow.of(f, dataset), f.get("up").asList(FeedRow::of))));
        }
    }

    /** From a load's row ({@code r::get}) or a patch's map ({@code v::get}). */
    static Derivation derivationOf(java.util.function.Function<String, Value> v) {
        return new Derivation(
                v.apply("type").asString(),
                DriverValues.string(v.apply("subtype")),
                DriverValues.string(v.apply("description")),
                DriverValues.bool(v.apply("masking")));
    }
}
