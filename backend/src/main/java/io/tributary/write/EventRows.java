package io.tributary.write;

import io.tributary.event.Facet;
import io.tributary.event.LineageEvent;
import io.tributary.event.LineageEvent.DatasetInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    final List<Map<String, Object>> jobs = new ArrayList<>();
    // A set: each column-lineage entry names its input dataset again, with identical rows (same key, time, no facets)
    // for every output column; writing them once is the same effect for a fraction of the MERGEs.
    final Set<Map<String, Object>> datasets = new LinkedHashSet<>();
    final List<Map<String, Object>> schemas = new ArrayList<>();
    final List<Map<String, Object>> runs = new ArrayList<>();
    final List<Map<String, Object>> parents = new ArrayList<>();
    final List<Map<String, Object>> runInputs = new ArrayList<>();
    final List<Map<String, Object>> runOutputs = new ArrayList<>();
    final List<Map<String, Object>> jobInputs = new ArrayList<>();
    final List<Map<String, Object>> jobOutputs = new ArrayList<>();
    /** One row per (event, output dataset) with a columnLineage facet: the facet's ColumnLineageVersion. */
    final List<Map<String, Object>> lineageVersions = new ArrayList<>();
    /** Rows carry their {@code index} so that the check statements can return which of them change the graph. */
    final List<Map<String, Object>> columnLineage = new ArrayList<>();

    private final Map<List<Object>, Map<String, Object>> lineageRows = new HashMap<>();

    final List<Map<String, Object>> symlinks = new ArrayList<>();
    final List<Map<String, Object>> quality = new ArrayList<>();

    static EventRows of(List<LineageEvent> batch) {
        var rows = new EventRows();
        batch.forEach(rows::add);
        return rows;
    }

    private void add(LineageEvent e) {
        OffsetDateTime time = e.eventTime();
        String version = version(time, e.eventType(), e.id());
        events.add(Map.of("id", e.id(), "properties", archived(e)));
        if (e.job() != null) {
            jobs.add(entity(
                    e.job().namespace(), e.job().name(), time, facets(e.job().facets(), version)));
            namespaces.add(e.job().namespace());
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
            jobs.add(entity(parent.jobNamespace(), parent.jobName(), e.eventTime(), List.of()));
            namespaces.add(parent.jobNamespace());
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
        namespaces.add(d.namespace());
        datasets.add(entity(d.namespace(), d.name(), time, facets(d.facets(), version)));
        if (d.fields() != null) {
            var position = new int[] {0};
            var fields = d.fields().stream()
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
            String fieldsJson = SchemaJson.of(d.fields());
            schemas.add(Map.of(
                    "index",
                    schemas.size(),
                    "namespace",
                    d.namespace(),
                    "name",
                    d.name(),
                    "time",
                    time,
                    "version",
                    version,
                    "hash",
                    SchemaJson.hash(fieldsJson),
                    "fieldsJson",
                    fieldsJson,
                    "fields",
                    fields));
        }
        if (e.run() != null) {
            var io = ref(d);
            io.put("runId", e.runId().toString());
            io.put("time", time);
            io.put("version", version);
            io.put("statistics", statistics(d.statistics(), version));
            (input ? runInputs : runOutputs).add(io);
            if (d.quality() != null) {
                quality.add(quality(e.runId().toString(), d, time, version));
            }
        }
        if (e.job() != null) {
            var lineage = ref(d);
            lineage.put("jobNamespace", e.job().namespace());
            lineage.put("jobName", e.job().name());
            lineage.put("time", time);
            (input ? jobInputs : jobOutputs).add(lineage);
        }
        var derivations = ColumnDerivations.of(d);
        String lineageHash = derivations.isEmpty() ? null : SchemaJson.lineageHash(e.job(), derivations);
        if (lineageHash != null) {
            var lineageVersion = ref(d);
            lineageVersion.put("hash", lineageHash);
            lineageVersion.put("jobNamespace", e.job() == null ? null : e.job().namespace());
            lineageVersion.put("jobName", e.job() == null ? null : e.job().name());
            lineageVersion.put("time", time);
            lineageVersion.put("version", version);
            lineageVersions.add(lineageVersion);
        }
        for (var c : derivations) {
            datasets.add(entity(c.inputNamespace(), c.inputDataset(), time, List.of()));
            namespaces.add(c.inputNamespace());
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
            row.put("hash", lineageHash);
            addLineage(row);
        }
        for (var c : d.datasetColumnLineage()) {
            // Named even when no output column is known to draw its edges to.
            datasets.add(entity(c.inputNamespace(), c.inputDataset(), time, List.of()));
            namespaces.add(c.inputNamespace());
        }
        for (var s : d.symlinks()) {
            datasets.add(entity(s.namespace(), s.name(), time, List.of()));
            namespaces.add(s.namespace());
            var row = ref(d);
            row.put("aliasNamespace", s.namespace());
            row.put("aliasName", s.name());
            row.put("type", s.type());
            symlinks.add(row);
        }
    }

    /**
     * One row per edge and facet version: a run's START and COMPLETE, or reruns coalesced into one transaction, repeat
     * the same entries, which differ only in time; the earliest time is the only one the statements use.
     */
    private void addLineage(HashMap<String, Object> row) {
        var key = Arrays.asList(
                row.get("inputNamespace"),
                row.get("inputDataset"),
                row.get("inputField"),
                row.get("namespace"),
                row.get("name"),
                row.get("outputField"),
                row.get("type"),
                row.get("subtypeKey"),
                row.get("hash"));
        Map<String, Object> known = lineageRows.get(key);
        if (known == null) {
            row.put("index", columnLineage.size());
            columnLineage.add(row);
            lineageRows.put(key, row);
        } else if (((OffsetDateTime) row.get("time")).isBefore((OffsetDateTime) known.get("time"))) {
            known.put("time", row.get("time"));
        }
    }

    /**
     * The schema rows upsert-fields needs: one per dataset and schema, at its earliest time (upsert-fields takes the
     * versions from the SchemaVersion and only first-seen times from the rows).
     */
    static List<Map<String, Object>> earliestPerSchema(List<Map<String, Object>> schemas) {
        var earliest = new LinkedHashMap<List<Object>, Map<String, Object>>();
        for (var row : schemas) {
            earliest.merge(
                    List.of(row.get("namespace"), row.get("name"), row.get("hash")),
                    row,
                    (a, b) -> ((OffsetDateTime) b.get("time")).isBefore((OffsetDateTime) a.get("time")) ? b : a);
        }
        return List.copyOf(earliest.values());
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

    private static Map<String, Object> entity(String namespace, String name, OffsetDateTime time, List<?> facets) {
        return Map.of(
                "namespace",
                namespace,
                "name",
                name,
                "time",
                time,
                "facets",
                facets,
                "searchText",
                SearchText.of(name, namespace));
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
        m.put("json", e.json());
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
