package io.tributary.alert;

import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    record Key(String namespace, String name) {}

    /** jobs and datasets: the nodes to read. */
    private record Keys(Collection<Key> keys) {}

    private final GraphStore store;

    Facts(GraphStore store) {
        this.store = store;
    }

    Map<Key, Job> jobs(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return store.read("alert/jobs", Parameters.of(new Keys(keys)), result -> {
            var jobs = new HashMap<Key, Job>();
            result.forEachRemaining(r -> {
                var job = new Job(
                        r.get("namespace").asString(),
                        r.get("name").asString(),
                        DriverValues.strings(r.get("owners")),
                        DriverValues.strings(r.get("tags")),
                        DriverValues.strings(r.get("outputs")),
                        DriverValues.string(r.get("runId")),
                        DriverValues.string(r.get("state")),
                        DriverValues.time(r.get("startedAt")),
                        DriverValues.time(r.get("endedAt")),
                        DriverValues.number(r.get("durationMs")),
                        DriverValues.string(r.get("errorMessage")));
                jobs.put(job.key(), job);
            });
            return jobs;
        });
    }

    Map<Key, Dataset> datasets(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return store.read("alert/datasets", Parameters.of(new Keys(keys)), result -> {
            var datasets = new HashMap<Key, Dataset>();
            result.forEachRemaining(r -> {
                var dataset = new Dataset(
                        r.get("namespace").asString(),
                        r.get("name").asString(),
                        DriverValues.strings(r.get("owners")),
                        DriverValues.strings(r.get("tags")),
                        DriverValues.strings(r.get("producers")),
                        DriverValues.string(r.get("qualityRunId")),
                        DriverValues.time(r.get("qualityTime")),
                        DriverValues.number(r.get("qualityFailed")),
                        DriverValues.string(r.get("assertions")),
                        DriverValues.number(r.get("qualityRowCount")),
                        DriverValues.number(r.get("qualityBytes")),
                        DriverValues.string(r.get("columnMetrics")),
                        DriverValues.string(r.get("writtenRunId")),
                        DriverValues.time(r.get("writtenAt")),
                        DriverValues.number(r.get("writtenRows")),
                        DriverValues.number(r.get("writtenBytes")),
                        DriverValues.number(r.get("writtenFiles")),
                        DriverValues.string(r.get("schemaHash")),
                        DriverValues.string(r.get("schemaFields")),
                        DriverValues.string(r.get("previousSchemaHash")),
                        DriverValues.string(r.get("previousSchemaFields")));
                datasets.put(dataset.key(), dataset);
            });
            return datasets;
        });
    }

    /** Whether {@code owner} owns a node: named by its ownership facet or an {@code owner:<name>} tag. */
    static boolean owns(String owner, List<String> owners, List<String> tags) {
        return owners.contains(owner) || tags.contains("owner:" + owner);
    }
}
