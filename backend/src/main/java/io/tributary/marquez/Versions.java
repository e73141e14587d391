package io.tributary.marquez;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Marquez's version ids: name-based UUIDs, stable across requests and restarts. A dataset's changes with its schema; a
 * job version's is made from the job and its version's content hash ({@code (:JobVersion)}); {@link #job} is the one
 * id of a job none of whose runs has ended yet.
 */
final class Versions {

    private Versions() {}

    static String dataset(String namespace, String name, String schemaVersion) {
        return uuid("dataset", namespace, name, schemaVersion == null ? "" : schemaVersion);
    }

    static String job(String namespace, String name) {
        return uuid("job", namespace, name, "");
    }

    /** The Marquez id of one of a job's versions, by the version's content hash. */
    static String jobVersion(String namespace, String name, String hash) {
        return uuid("jobVersion", namespace, name, hash);
    }

    private static String uuid(String kind, String namespace, String name, String version) {
        // The parts' lengths go first, so that no two different (namespace, name) pairs give the same bytes.
        String key = kind + ':' + namespace.length() + ':' + name.length() + ':' + namespace + name + version;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
