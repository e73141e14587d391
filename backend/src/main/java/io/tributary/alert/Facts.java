package io.tributary.alert;

import io.tributary.store.GraphStore;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * What the rules need to know of the jobs and datasets an event batch touched, read in one statement per kind
 * ({@code cypher/alert/jobs.cypher}, {@code datasets.cypher}).
 */
@Repository
class Facts {

    /** A job with its newest ended run (null fields when it has none). */
    record Job(
            String namespace,
            String name,
            List<String> owners,
            List<String> tags,
            List<String> outputs,
            String runId,
            String state,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            Long durationMs,
            String errorMessage) {

        Key key() {
            return new Key(namespace, name);
        }
    }

    /** A dataset with its newest quality check, newest completed write and its current and previous schema. */
    record Dataset(
            String namespace,
            String name,
            List<String> owners,
            List<String> tags,
            List<String> producers,
            String qualityRunId,
            OffsetDateTime qualityTime,
            Long qualityFailed,
            String assertions,
            Long qualityRowCount,
            Long qualityBytes,
            String columnMetrics,
            String writtenRunId,
            OffsetDateTime writtenAt,
            Long writtenRows,
            Long writtenBytes,
            Long writtenFiles,
            String schemaHash,
            String schemaFields,
            String previousSchemaHash,
            String previousSchemaFields) {

        Key key() {
            return new Key(namespace, name);
        }
    }

    /** A job's or dataset's identity. */
    record Key(String namespace, String name) {
        Map<String, Object> asMap() {
            return Map.of("namespace", namespace, "name", name);
        }
    }

    private final GraphStore store;

    Facts(GraphStore store) {
        this.store = store;
    }

    Map<Key, Job> jobs(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return store.read(
                "alert/jobs", Map.of("keys", keys.stream().map(Key::asMap).toList()), result -> {
                    var jobs = new HashMap<Key, Job>();
                    result.forEachRemaining(r -> {
                        var job = new Job(
                                r.get("namespace").asString(),
                                r.get("name").asString(),
                                strings(r.get("owners")),
                                strings(r.get("tags")),
                                strings(r.get("outputs")),
                                string(r, "runId"),
                                string(r, "state"),
                                time(r, "startedAt"),
                                time(r, "endedAt"),
                                number(r, "durationMs"),
                                string(r, "errorMessage"));
                        jobs.put(job.key(), job);
                    });
                    return jobs;
                });
    }

    Map<Key, Dataset> datasets(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return store.read(
                "alert/datasets", Map.of("keys", keys.stream().map(Key::asMap).toList()), result -> {
                    var datasets = new HashMap<Key, Dataset>();
                    result.forEachRemaining(r -> {
                        var dataset = new Dataset(
                                r.get("namespace").asString(),
                                r.get("name").asString(),
                                strings(r.get("owners")),
                                strings(r.get("tags")),
                                strings(r.get("producers")),
                                string(r, "qualityRunId"),
                                time(r, "qualityTime"),
                                number(r, "qualityFailed"),
                                string(r, "assertions"),
                                number(r, "qualityRowCount"),
                                number(r, "qualityBytes"),
                                string(r, "columnMetrics"),
                                string(r, "writtenRunId"),
                                time(r, "writtenAt"),
                                number(r, "writtenRows"),
                                number(r, "writtenBytes"),
                                number(r, "writtenFiles"),
                                string(r, "schemaHash"),
                                string(r, "schemaFields"),
                                string(r, "previousSchemaHash"),
                                string(r, "previousSchemaFields"));
                        datasets.put(dataset.key(), dataset);
                    });
                    return datasets;
                });
    }

    /** Whether {@code owner} owns a node: named by its ownership facet or an {@code owner:<name>} tag. */
    static boolean owns(String owner, List<String> owners, List<String> tags) {
        return owners.contains(owner) || tags.contains("owner:" + owner);
    }

    static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }

    static String string(Record r, String key) {
        Value v = r.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }

    static Long number(Record r, String key) {
        Value v = r.get(key);
        return v == null || v.isNull() ? null : v.asLong();
    }

    static OffsetDateTime time(Record r, String key) {
        Value v = r.get(key);
        return v == null || v.isNull() ? null : v.asZonedDateTime().toOffsetDateTime();
    }
}
