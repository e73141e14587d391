package io.tributary.job;

import io.tributary.entity.JobView;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Value;

/**
 * A {@code JobVersion} node as the versions statements return it. Its defining facets are stored as the version's hash
 * saw them (see {@code write/JobDefinitions}): the SQL text, and the sourceCodeLocation and jobType fields joined by
 * NUL, an absent field empty.
 */
record StoredVersion(
        String hash,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen,
        List<DatasetKey> inputs,
        List<DatasetKey> outputs,
        String sql,
        String sourceCodeLocation,
        String jobType) {

    /** The version in a statement's map column; null for a null column (a version without a predecessor). */
    static StoredVersion from(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return new StoredVersion(
                v.get("hash").asString(),
                DriverValues.time(v.get("firstSeen")),
                DriverValues.time(v.get("lastSeen")),
                keys(v.get("inputNamespaces"), v.get("inputNames")),
                keys(v.get("outputNamespaces"), v.get("outputNames")),
                DriverValues.string(v.get("sql")),
                DriverValues.string(v.get("sourceCodeLocation")),
                DriverValues.string(v.get("jobType")));
    }

    /** The sourceCodeLocation fields the version is made of (tag and branch do not define a version). */
    JobView.SourceCodeLocation location() {
        if (sourceCodeLocation == null) {
            return null;
        }
        List<String> f = fields(sourceCodeLocation, 5);
        return new JobView.SourceCodeLocation(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), null, null);
    }

    /** jobType, integration and processingType, each null where the facet had none. */
    List<String> type() {
        return jobType == null ? java.util.Arrays.asList(null, null, null) : fields(jobType, 3);
    }

    private static List<String> fields(String joined, int count) {
        String[] parts = joined.split("\u0000", -1);
        var fields = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            fields.add(i < parts.length && !parts[i].isEmpty() ? parts[i] : null);
        }
        return fields;
    }

    private static List<DatasetKey> keys(Value namespaces, Value names) {
        List<String> ns = DriverValues.strings(namespaces);
        List<String> n = DriverValues.strings(names);
        var keys = new ArrayList<DatasetKey>(ns.size());
        for (int i = 0; i < ns.size() && i < n.size(); i++) {
            keys.add(new DatasetKey(ns.get(i), n.get(i)));
        }
        return keys;
    }
}
