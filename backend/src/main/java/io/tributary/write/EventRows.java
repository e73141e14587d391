package io.tributary.write;

import io.tributary.archive.ArchivedJson;
import io.tributary.event.Facet;
import io.tributary.event.LineageEvent;
import io.tributary.event.LineageEvent.ColumnDerivation;
import io.tributary.event.LineageEvent.DatasetInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameter rows of every ingest statement for a batch of events, so that a batch of any size is written with a
 * fixed number of {@code UNWIND} statements. Rows carry a {@code version} (fixed-width event time, then event id) that
 * the statements compare to keep the newest value whatever order events arrive in.
 */
final class EventRows {

    private static final DateTimeFormatter FIXED_WIDTH = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn");

    private static final List<String> LIFECYCLE = List.of("START", "RUNNING", "OTHER", "ABORT", "FAIL", "COMPLETE");

    final List<Map<String, Object>> events = new ArrayList<>();
    final Set<String> namespaces = new LinkedHashSet<>();
    // One row per job, dataset, edge, schema and column-lineage version of the whole batch (see NodeRows).
    private final NodeRows jobs = new NodeRows();
    private final NodeRows datasets = new NodeRows();
    private final NodeRows schemas = new NodeRows();
    /** The fields of each schema row, by its index: only upsert-fields needs them, so upsert-schemas is not sent them. */
    private final List<List<Map<String, Object>>> schemaFields = new ArrayList<>();

    final List<Map<String, Object>> runs = new ArrayList<>();
    final List<Map<String, Object>> parents = new ArrayList<>();
    private final NodeRows runInputs = new NodeRows();
    private final NodeRows runOutputs = new NodeRows();
    private final NodeRows jobInputs = new NodeRows();
    private final NodeRows jobOutputs = new NodeRows();
    private final NodeRows lineageVersions = new NodeRows();
    /** Rows carry their {@code index} so that the check statements can return which of them change the graph. */
    final List<Map<String, Object>> columnLineage = new ArrayList<>();

    private final Map<String, Map<String, Object>> lineageRows = new HashMap<>();

    final List<Map<String, Object>> symlinks = new ArrayList<>();
    final List<Map<String, Object>> quality = new ArrayList<>();

    static EventRows of(List<LineageEvent> batch) {
        var rows = new EventRows();
        batch.forEach(rows::add);
        return rows;
    }

    List<Map<String, Object>> jobs() {
        return jobs.list();
    }

    List<Map<String, Object>> datasets() {
        return datasets.list();
    }

    List<Map<String, Object>> runInputs() {
        return runInputs.list();
    }

    List<Map<String, Object>> runOutputs() {
        return runOutputs.list();
    }

    List<Map<String, Object>> jobInputs() {
        return jobInputs.list();
    }

    List<Map<String, Object>> jobOutputs() {
        return jobOutputs.list();
    }

    /**
     * One row per output dataset and column-lineage version, each with its {@code index} and whether it may be found
     * settled ({@code settledEligible}: the batch has no other version for that dataset; see
     * upsert-column-lineage-versions).
     */
    List<Map<String, Object>> lineageVersions() {
        var rows = lineageVersions.list();
        var versionsPerDataset = new HashMap<String, Integer>();
        for (var row : rows) {
            versionsPerDataset.merge(datasetKey(row), 1, Integer::sum);
        }
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            row.put("index", i);
            row.put("settledEligible", versionsPerDataset.get(datasetKey(row)) == 1);
        }
        return rows;
    }

    /**
     * The column-lineage rows column-lineage-changes must check: all but those of the versions upsert-column-lineage-
     * versions found settled (by their indexes in {@code versions}), whose edges would not change.
     */
    List<Map<String, Object>> columnLineageToCheck(List<Map<String, Object>> versions, List<Integer> settled) {
        if (settled.isEmpty()) {
            return columnLineageKeys();
        }
        var skip = new HashSet<String>();
        for (int index : settled) {
            var version = versions.get(index);
            skip.add(NodeRows.key(
                    (String) version.get("namespace"), (String) version.get("name"), (String) version.get("hash")));
        }
        var keys = columnLineageKeys();
        keys.removeIf(row -> skip.contains(
                NodeRows.key((String) row.get("namespace"), (String) row.get("name"), (String) row.get("hash"))));
        return keys;
    }

    private static String datasetKey(Map<String, Object> row) {
        return NodeRows.key((String) row.get("namespace"), (String) row.get("name"));
    }

    /** One row per dataset and schema: earliest and latest time, newest version, hash and JSON; not the fields. */
    List<Map<String, Object>> schemas() {
        return schemas.list();
    }

    /** The rows upsert-fields needs for the schema rows of these indexes: first seen and the fields. */
    List<Map<String, Object>> schemaFields(List<Integer> indexes) {
        var all = schemas.list();
        var rows = new ArrayList<Map<String, Object>>(indexes.size());
        for (int index : indexes) {
            var schema = all.get(index);
            rows.add(Map.of(
                    "namespace", schema.get("namespace"),
                    "name", schema.get("name"),
                    "hash", schema.get("hash"),
                    "time", schema.get("firstSeen"),
                    "fields", schemaFields.get(index)));
        }
        return rows;
    }

    /**
     * The column-lineage rows with only what column-lineage-changes reads (keys, time, hash, index): the check runs on
     * every row, the write only on those that change, so the rest of each row is sent only for those.
     */
    List<Map<String, Object>> columnLineageKeys() {
        var keys = new ArrayList<Map<String, Object>>(columnLineage.size());
        for (var row : columnLineage) {
            var key = new HashMap<String, Object>(16);
            for (String k : CHECK_KEYS) {
                key.put(k, row.get(k));
            }
            keys.add(key);
        }
        return keys;
    }

    private static final List<String> CHECK_KEYS = List.of(
            "index",
            "inputNamespace",
            "inputDataset",
            "inputField",
            "namespace",
            "name",
            "outputField",
            "type",
            "subtypeKey",
            "time",
            "hash");

    private void add(LineageEvent e) {
        OffsetDateTime time = e.eventTime();
        String version = version(time, e.eventType(), e.id());
        events.add(Map.of("id", e.id(), "properties", archived(e)));
        if (e.job() != null) {
            entity(
                    jobs,
                    e.job().namespace(),
                    e.job().name(),
                    time,
                    facets(e.job().facets(), version));
        }
        for (DatasetInfo d : e.inputs()) {
            addDataset(e, d, version, true);
        }
        for (DatasetInfo d : e.outputs()) {
            addDataset(e, d, version, false);
        }
        if (e.run() != null) {
            addRun(e, version);
        }
    }

    private void entity(
            NodeRows rows, String namespace, String name, OffsetDateTime time, List<Map<String, Object>> f) {
        namespaces.add(namespace);
        var row = rows.seen(NodeRows.key(namespace, name), time, () -> NodeRows.entity(namespace, name));
        NodeRows.addFacets(row, f);
    }

    private void addRun(LineageEvent e, String version) {
        String runId = e.runId().toString();
        var run = new HashMap<String, Object>();
        run.put("runId", runId);
        run.put("namespace", e.job().namespace());
        run.put("jobName", e.job().name());
        run.put("time", e.eventTime());
        run.put("eventType", e.eventType());
        int rank = e.eventType() == null ? -1 : LineageEvent.TERMINAL_TYPES.indexOf(e.eventType());
        run.put("terminalState", rank < 0 ? null : terminalState(e.eventType()));
        run.put("terminalVersion", rank < 0 ? null : fixedWidth(e.eventTime()) + "|" + rank + "|" + e.id());
        run.put("facets", facets(e.run().facets(), version));
        runs.add(run);
        var parent = e.run().parent();
        if (parent != null && parent.jobNamespace() != null && parent.jobName() != null) {
            entity(jobs, parent.jobNamespace(), parent.jobName(), e.eventTime(), List.of());
            var row = new HashMap<String, Object>();
            row.put("runId", runId);
            row.put("parentRunId", parent.runId().toString());
            row.put("parentJobNamespace", parent.jobNamespace());
            row.put("parentJobName", parent.jobName());
            row.put(
                    "rootRunId",
                    parent.rootRunId() == null ? null : parent.rootRunId().toString());
            row.put("time", e.eventTime());
            parents.add(row);
        }
    }

    private void addDataset(LineageEvent e, DatasetInfo d, String version, boolean input) {
        OffsetDateTime time = e.eventTime();
        entity(datasets, d.namespace(), d.name(), time, facets(d.facets(), version));
        if (d.fields() != null) {
            addSchema(d, time, version);
        }
        if (e.run() != null) {
            String runId = e.runId().toString();
            var io = (input ? runInputs : runOutputs).seen(NodeRows.key(runId, d.namespace(), d.name()), time, () -> {
                var m = ref(d);
                m.put("runId", runId);
                return m;
            });
            // The newest statistics the batch reported, with the version that guards them on the edge.
            var statistics = statistics(d.statistics(), version);
            if (statistics != null
                    && (io.get("statistics") == null || version.compareTo((String) io.get("version")) > 0)) {
                io.put("statistics", statistics);
                io.put("version", version);
            } else {
                io.putIfAbsent("statistics", null);
                io.putIfAbsent("version", version);
            }
            if (d.quality() != null) {
                quality.add(quality(runId, d, time, version));
            }
        }
        if (e.job() != null) {
            (input ? jobInputs : jobOutputs)
                    .seen(NodeRows.key(e.job().namespace(), e.job().name(), d.namespace(), d.name()), time, () -> {
                        var m = ref(d);
                        m.put("jobNamespace", e.job().namespace());
                        m.put("jobName", e.job().name());
                        return m;
                    });
        }
        var derivations = ColumnDerivations.of(d);
        String lineageHash = derivations.isEmpty() ? null : SchemaJson.lineageHash(e.job(), derivations);
        if (lineageHash != null) {
            // The hash covers the job, so one row per (output dataset, hash) names one job.
            var lineageVersion = lineageVersions.seen(NodeRows.key(d.namespace(), d.name(), lineageHash), time, () -> {
                var m = ref(d);
                m.put("hash", lineageHash);
                m.put("jobNamespace", e.job() == null ? null : e.job().namespace());
                m.put("jobName", e.job() == null ? null : e.job().name());
                return m;
            });
            lineageVersions.newest(lineageVersion, version);
        }
        for (var c : derivations) {
            entity(datasets, c.inputNamespace(), c.inputDataset(), time, List.of());
            addLineage(e, d, c, time, lineageHash);
        }
        for (var c : d.datasetColumnLineage()) {
            // Named even when no output column is known to draw its edges to.
            entity(datasets, c.inputNamespace(), c.inputDataset(), time, List.of());
        }
        for (var s : d.symlinks()) {
            entity(datasets, s.namespace(), s.name(), time, List.of());
            var row = ref(d);
            row.put("aliasNamespace", s.namespace());
            row.put("aliasName", s.name());
            row.put("type", s.type());
            symlinks.add(row);
        }
    }

    private void addSchema(DatasetInfo d, OffsetDateTime time, String version) {
        String fieldsJson = SchemaJson.of(d.fields());
        String hash = SchemaJson.hash(fieldsJson);
        var schema = schemas.seen(NodeRows.key(d.namespace(), d.name(), hash), time, () -> {
            var m = ref(d);
            m.put("index", schemaFields.size());
            m.put("hash", hash);
            m.put("fieldsJson", fieldsJson);
            schemaFields.add(fields(d));
            return m;
        });
        schemas.newest(schema, version);
    }

    private static List<Map<String, Object>> fields(DatasetInfo d) {
        var position = new int[] {0};
        return d.fields().stream()
                .map(f -> {
                    var m = new HashMap<String, Object>();
                    m.put("position", position[0]++);
                    m.put("path", f.path());
                    m.put("name", f.name());
                    m.put("parentPath", f.parentPath());
                    m.put("ordinal", f.ordinal());
                    m.put("depth", f.depth());
                    m.put("type", f.type());
                    m.put("description", f.description());
                    m.put("searchText", SearchText.of(f.path(), d.name()));
                    return (Map<String, Object>) m;
                })
                .toList();
    }

    /**
     * One row per edge and facet version: a run's START and COMPLETE, or reruns coalesced into one transaction, repeat
     * the same entries, which differ only in time; the earliest time is the only one the statements use.
     */
    private void addLineage(LineageEvent e, DatasetInfo d, ColumnDerivation c, OffsetDateTime time, String hash) {
        String key = NodeRows.key(
                c.inputNamespace(),
                c.inputDataset(),
                c.inputField(),
                d.namespace(),
                d.name(),
                c.outputField(),
                c.type(),
                c.subtype() == null ? "" : c.subtype(),
                hash);
        Map<String, Object> known = lineageRows.get(key);
        if (known != null) {
            if (time.isBefore((OffsetDateTime) known.get("time"))) {
                known.put("time", time);
            }
            return;
        }
        var row = ref(d);
        row.put("outputField", c.outputField());
        row.put("inputNamespace", c.inputNamespace());
        row.put("inputDataset", c.inputDataset());
        row.put("inputField", c.inputField());
        row.put("inputSearchText", SearchText.of(c.inputField(), c.inputDataset()));
        row.put("outputSearchText", SearchText.of(c.outputField(), d.name()));
        row.put("type", c.type());
        row.put("subtypeKey", c.subtype() == null ? "" : c.subtype());
        row.put("description", c.description());
        row.put("masking", c.masking());
        row.put("jobNamespace", e.job() == null ? null : e.job().namespace());
        row.put("jobName", e.job() == null ? null : e.job().name());
        row.put("time", time);
        row.put("hash", hash);
        row.put("index", columnLineage.size());
        columnLineage.add(row);
        lineageRows.put(key, row);
    }

    private static Map<String, Object> quality(String runId, DatasetInfo d, OffsetDateTime time, String version) {
        var q = d.quality();
        var row = ref(d);
        row.put("runId", runId);
        row.put("time", time);
        row.put("version", version);
        if (q.rowCount() != null || q.bytes() != null || q.columnMetricsJson() != null) {
            var metrics = new HashMap<String, Object>();
            metrics.put("rowCount", q.rowCount());
            metrics.put("bytes", q.bytes());
            metrics.put("columnMetrics", q.columnMetricsJson());
            metrics.put("metricsVersion", version);
            row.put("metrics", metrics);
        } else {
            row.put("metrics", null);
        }
        if (!q.assertions().isEmpty()) {
            var assertions = new HashMap<String, Object>();
            assertions.put("assertions", SchemaJson.assertions(q.assertions()));
            assertions.put(
                    "passed", q.assertions().stream().filter(a -> a.success()).count());
            assertions.put(
                    "failed", q.assertions().stream().filter(a -> !a.success()).count());
            assertions.put("assertionsVersion", version);
            row.put("assertions", assertions);
        } else {
            row.put("assertions", null);
        }
        return row;
    }

    private static Map<String, Object> statistics(LineageEvent.Statistics s, String version) {
        if (s == null) {
            return null;
        }
        var m = new HashMap<String, Object>();
        m.put("rowCount", s.rowCount());
        m.put("bytes", s.bytes());
        m.put("fileCount", s.fileCount());
        m.put("statisticsVersion", version);
        return m;
    }

    private static HashMap<String, Object> ref(DatasetInfo d) {
        var m = new HashMap<String, Object>();
        m.put("namespace", d.namespace());
        m.put("name", d.name());
        return m;
    }

    /** Facet rows: the facet's own properties plus its JSON and the version that guards it. */
    private static List<Map<String, Object>> facets(List<Facet> facets, String version) {
        var rows = new ArrayList<Map<String, Object>>(facets.size());
        for (Facet facet : facets) {
            var properties = new HashMap<String, Object>(facet.properties());
            properties.put("facet_" + facet.name(), facet.json());
            properties.put("facetVersion_" + facet.name(), version);
            rows.add(Map.of("name", facet.name(), "version", version, "properties", properties));
        }
        return rows;
    }

    private static Map<String, Object> archived(LineageEvent e) {
        var m = new HashMap<String, Object>();
        m.put("kind", e.kind().name());
        m.put("eventType", e.eventType());
        m.put("eventTime", e.eventTime());
        m.put("runId", e.runId() == null ? null : e.runId().toString());
        m.put("jobNamespace", e.job() == null ? null : e.job().namespace());
        m.put("jobName", e.job() == null ? null : e.job().name());
        m.put("producer", e.producer());
        m.put("jsonGzip", ArchivedJson.compress(e.json()));
        return m;
    }

    private static String terminalState(String eventType) {
        return switch (eventType) {
            case "COMPLETE" -> "COMPLETED";
            case "FAIL" -> "FAILED";
            default -> "ABORTED";
        };
    }

    /**
     * Orders events for "newest wins": event time, then lifecycle order (a START and a COMPLETE sent with the same
     * timestamp, as dbt does, resolve to the COMPLETE), then event id so that the order is total.
     */
    static String version(OffsetDateTime time, String eventType, String eventId) {
        return fixedWidth(time) + "|" + LIFECYCLE.indexOf(eventType == null ? "OTHER" : eventType) + "|" + eventId;
    }

    private static String fixedWidth(OffsetDateTime utc) {
        return FIXED_WIDTH.format(utc);
    }
}
