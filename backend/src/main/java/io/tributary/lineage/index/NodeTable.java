package io.tributary.lineage.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index's datasets and jobs as columns by dense id: key, flags, owners and what lineage shows on a node, so that a
 * walk reads nothing from the database. Repeated strings (namespaces, job types, integrations, run states, owner lists)
 * are shared. One table serves the load's builder and the patched graph.
 */
final class NodeTable {

    static final byte JOB = 1;
    static final byte DELETED = 2;
    static final byte DECLARES = 4;

    final LongIntMap ids = new LongIntMap(1 << 16);
    long[] databaseIds = new long[1024];
    byte[] flags = new byte[1024];
    String[] namespaces = new String[1024];
    String[] names = new String[1024];
    /** Owners per node, null for none. */
    String[][] owners = new String[1024][];

    String[] descriptions = new String[1024];
    String[] jobTypes = new String[1024];
    String[] integrations = new String[1024];
    String[] latestRunIds = new String[1024];
    String[] latestRunStates = new String[1024];

    int size;
    /** Open addressing by key (job flag, namespace, name): dense id + 1 per slot, 0 empty; compared on the columns. */
    private int[] byKey = new int[2048];

    private int keyed;
    private final Map<String, String> pool = new HashMap<>();
    private final Map<List<String>, String[]> ownerPool = new HashMap<>();

    /** The dense id of a database id, added (without a key yet) if new. */
    int add(long databaseId) {
        int v = ids.get(databaseId);
        if (v >= 0) {
            return v;
        }
        v = size++;
        if (v == databaseIds.length) {
            grow(v + (v >> 1));
        }
        databaseIds[v] = databaseId;
        ids.put(databaseId, v);
        return v;
    }

    /**
     * Key, flags and owners as read; the details too when the read carried them (a neighbour's does not). True when
     * the node had another key: the database reused the id of a node deleted outright (only tests do that), so the
     * old node's details are dropped and none of its edges hold.
     */
    boolean set(int v, IndexedNode n) {
        boolean rekey = names[v] != null
                && (job(v) != n.job() || !names[v].equals(n.name()) || !namespaces[v].equals(n.namespace()));
        boolean fresh = names[v] == null;
        flags[v] = (byte) ((n.job() ? JOB : 0) | (n.deleted() ? DELETED : 0) | (n.declares() ? DECLARES : 0));
        namespaces[v] = shared(n.namespace());
        names[v] = n.name();
        owners[v] = n.owners() == null || n.owners().isEmpty()
                ? null
                : ownerPool.computeIfAbsent(List.copyOf(n.owners()), k -> k.toArray(String[]::new));
        if (rekey) {
            rehash(byKey.length);
            clearDetails(v);
        } else if (fresh) {
            addKey(v);
        }
        NodeDetails d = n.details();
        if (d != null) {
            descriptions[v] = d.description();
            jobTypes[v] = shared(d.jobType());
            integrations[v] = shared(d.integration());
            latestRunIds[v] = d.latestRunId();
            latestRunStates[v] = shared(d.latestRunState());
        }
        return rekey;
    }

    /** The dense id of the dataset or job with this key, or -1. */
    int find(boolean job, String namespace, String name) {
        int mask = byKey.length - 1;
        for (int i = hash(job, namespace, name) & mask; ; i = (i + 1) & mask) {
            int v = byKey[i] - 1;
            if (v < 0) {
                return -1;
            }
            if (job(v) == job && names[v].equals(name) && namespaces[v].equals(namespace)) {
                return v;
            }
        }
    }

    private boolean job(int v) {
        return (flags[v] & JOB) != 0;
    }

    private void addKey(int v) {
        if ((keyed + 1) * 2 > byKey.length) {
            rehash(byKey.length * 2);
        }
        int mask = byKey.length - 1;
        int i = hash(job(v), namespaces[v], names[v]) & mask;
        while (byKey[i] != 0) {
            i = (i + 1) & mask;
        }
        byKey[i] = v + 1;
        keyed++;
    }

    private void rehash(int capacity) {
        byKey = new int[capacity];
        keyed = 0;
        for (int v = 0; v < size; v++) {
            if (names[v] != null) {
                addKey(v);
            }
        }
    }

    private static int hash(boolean job, String namespace, String name) {
        int h = (namespace.hashCode() * 31 + name.hashCode()) * 31 + (job ? 1 : 0);
        return h ^ (h >>> 16);
    }

    private void clearDetails(int v) {
        descriptions[v] = null;
        jobTypes[v] = null;
        integrations[v] = null;
        latestRunIds[v] = null;
        latestRunStates[v] = null;
    }

    NodeDetails details(int v) {
        return new NodeDetails(descriptions[v], jobTypes[v], integrations[v], latestRunIds[v], latestRunStates[v]);
    }

    private String shared(String value) {
        return value == null ? null : pool.computeIfAbsent(value, k -> k);
    }

    private void grow(int capacity) {
        databaseIds = Arrays.copyOf(databaseIds, capacity);
        flags = Arrays.copyOf(flags, capacity);
        namespaces = Arrays.copyOf(namespaces, capacity);
        names = Arrays.copyOf(names, capacity);
        owners = Arrays.copyOf(owners, capacity);
        descriptions = Arrays.copyOf(descriptions, capacity);
        jobTypes = Arrays.copyOf(jobTypes, capacity);
        integrations = Arrays.copyOf(integrations, capacity);
        latestRunIds = Arrays.copyOf(latestRunIds, capacity);
        latestRunStates = Arrays.copyOf(latestRunStates, capacity);
    }

    /** Heap held, estimated from the arrays and the strings not shared (names, descriptions, run ids dominate). */
    long bytes() {
        long bytes =
                ids.bytes() + byKey.length * 4L + databaseIds.length * 8L + flags.length + namespaces.length * 4L * 8;
        for (String[] shared : ownerPool.values()) {
            bytes += 16 + shared.length * 4L;
            for (String owner : shared) {
                bytes += 40 + owner.length();
            }
        }
        for (String value : pool.keySet()) {
            bytes += 40 + value.length();
        }
        for (int v = 0; v < size; v++) {
            bytes += string(names[v]) + string(descriptions[v]) + string(latestRunIds[v]);
        }
        return bytes;
    }

    /** A String and its (Latin-1) array: headers, hash, length. */
    private static long string(String s) {
        return s == null ? 0 : 24 + 16 + s.length();
    }
}
