package io.tributary.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameter rows the service's {@code EventRows} builds for the same events (same keys, same shapes), made
 * straight from the workload model: what the ingest statements cost with no HTTP, no JSON parsing and no validation.
 */
final class CeilingRows {

    private static final DateTimeFormatter FIXED_WIDTH = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn");
    private static final List<String> LIFECYCLE = List.of("START", "RUNNING", "OTHER", "ABORT", "FAIL", "COMPLETE");

    final List<Map<String, Object>> events = new ArrayList<>();
    final Set<String> namespaces = new LinkedHashSet<>();
    // One row per node and edge of the batch, as EventRows coalesces them (first/last seen, newest version and facet).
    private final Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> datasets = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();
    private final List<List<Map<String, Object>>> schemaFields = new ArrayList<>();
    final List<Map<String, Object>> runs = new ArrayList<>();
    private final Map<String, Map<String, Object>> runInputs = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> runOutputs = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> jobInputs = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> jobOutputs = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> lineageVersions = new LinkedHashMap<>();
    final List<Map<String, Object>> columnLineage = new ArrayList<>();
    private final Map<String, Map<String, Object>> lineageRows = new HashMap<>();

    List<Map<String, Object>> jobs() {
        return List.copyOf(jobs.values());
    }

    List<Map<String, Object>> datasets() {
        return List.copyOf(datasets.values());
    }

    List<Map<String, Object>> schemas() {
        return List.copyOf(schemas.values());
    }

    List<Map<String, Object>> runInputs() {
        return List.copyOf(runInputs.values());
    }

    List<Map<String, Object>> runOutputs() {
        return List.copyOf(runOutputs.values());
    }

    List<Map<String, Object>> jobInputs() {
        return List.copyOf(jobInputs.values());
    }

    List<Map<String, Object>> jobOutputs() {
        return List.copyOf(jobOutputs.values());
    }

    /** As EventRows.lineageVersions: each row with its index and whether the batch has no other version for it. */
    List<Map<String, Object>> lineageVersions() {
        var rows = new ArrayList<Map<String, Object>>();
        var perDataset = new HashMap<List<Object>, Integer>();
        for (var row : lineageVersions.values()) {
            perDataset.merge(List.of(row.get("namespace"), row.get("name")), 1, Integer::sum);
        }
        for (var row : lineageVersions.values()) {
            var copy = new HashMap<>(row);
            copy.put("index", rows.size());
            copy.put("settledEligible", perDataset.get(List.of(row.get("namespace"), row.get("name"))) == 1);
            rows.add(copy);
        }
        return rows;
    }

    /** As EventRows.columnLineageToCheck: the check rows less those of the versions found settled. */
    List<Map<String, Object>> columnLineageToCheck(List<Map<String, Object>> versions, List<Integer> settled) {
        var skip = new HashSet<List<Object>>();
        for (int index : settled) {
            var v = versions.get(index);
            skip.add(List.of(v.get("namespace"), v.get("name"), v.get("hash")));
        }
        var keys = columnLineageKeys();
        keys.removeIf(k -> skip.contains(List.of(k.get("namespace"), k.get("name"), k.get("hash"))));
        return keys;
    }

    /** The rows upsert-fields needs for the schema rows upsert-schemas returned (as EventRows.schemaFields). */
    List<Map<String, Object>> schemaFields(List<Integer> indexes) {
        var all = schemas();
        var rows = new ArrayList<Map<String, Object>>();
        for (int index : indexes) {
            var s = all.get(index);
            rows.add(Map.of(
                    "namespace", s.get("namespace"),
                    "name", s.get("name"),
                    "hash", s.get("hash"),
                    "time", s.get("firstSeen"),
                    "fields", schemaFields.get(index)));
        }
        return rows;
    }

    /** Only what column-lineage-changes reads, as EventRows.columnLineageKeys. */
    List<Map<String, Object>> columnLineageKeys() {
        var keys = new ArrayList<Map<String, Object>>();
        for (var row : columnLineage) {
            var key = new HashMap<String, Object>();
            for (String k : List.of(
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
                    "hash")) {
                key.put(k, row.get(k));
            }
            keys.add(key);
        }
        return keys;
    }

    /** The row of a key, made on first sight, its firstSeen/lastSeen widened to {@code time} (as EventRows). */
    private static Map<String, Object> seen(
            Map<String, Map<String, Object>> rows, String key, OffsetDateTime time, Map<String, Object> row) {
        var known = rows.get(key);
        if (known == null) {
            row.put("firstSeen", time);
            row.put("lastSeen", time);
            rows.put(key, row);
            return row;
        }
        if (time.isBefore((OffsetDateTime) known.get("firstSeen"))) {
            known.put("firstSeen", time);
        }
        if (time.isAfter((OffsetDateTime) known.get("lastSeen"))) {
            known.put("lastSeen", time);
        }
        return known;
    }

    private static void newest(Map<String, Object> row, String version) {
        if (row.get("version") == null || version.compareTo((String) row.get("version")) > 0) {
            row.put("version", version);
        }
    }

    private void entity(
            Map<String, Map<String, Object>> rows, String namespace, String name, OffsetDateTime time, List<?> facets) {
        var row = seen(rows, namespace + "\u0000" + name, time, new HashMap<>(entity(namespace, name, facets)));
        @SuppressWarnings("unchecked")
        var known = new ArrayList<Map<String, Object>>((List<Map<String, Object>>) row.get("facets"));
        for (Object f : facets) {
            @SuppressWarnings("unchecked")
            var facet = (Map<String, Object>) f;
            known.removeIf(k -> k.get("name").equals(facet.get("name"))
                    && ((String) facet.get("version")).compareTo((String) k.get("version")) > 0);
            if (known.stream().noneMatch(k -> k.get("name").equals(facet.get("name")))) {
                known.add(facet);
            }
        }
        row.put("facets", known);
    }

    static CeilingRows of(List<Workload.Event> batch) {
        var rows = new CeilingRows();
        batch.forEach(rows::add);
        return rows;
    }

    private void add(Workload.Event e) {
        var job = e.job();
        OffsetDateTime time = e.time().atOffset(ZoneOffset.UTC);
        String id = sha256(e.json());
        String version = FIXED_WIDTH.format(time) + "|" + LIFECYCLE.indexOf(e.eventType()) + "|" + id;
        var archived = new HashMap<String, Object>();
        archived.put("kind", "RUN");
        archived.put("eventType", e.eventType());
        archived.put("eventTime", time);
        archived.put("runId", e.runId().toString());
        archived.put("jobNamespace", job.namespace());
        archived.put("jobName", job.name());
        archived.put("producer", Workload.PRODUCER);
        archived.put("jsonGzip", gzip(e.json())); // as the service archives bodies (ArchivedJson)
        events.add(Map.of("id", id, "properties", archived));
        namespaces.add(job.namespace());
        entity(
                jobs,
                job.namespace(),
                job.name(),
                time,
                List.of(facet(
                        "jobType",
                        version,
                        Map.of("jobType", "JOB", "integration", "SPARK", "processingType", "BATCH"))));
        for (var d : job.inputs()) {
            addDataset(e, d, time, version, true);
        }
        for (var d : job.outputs()) {
            addDataset(e, d, time, version, false);
        }
        var run = new HashMap<String, Object>();
        run.put("runId", e.runId().toString());
        run.put("namespace", job.namespace());
        run.put("jobName", job.name());
        run.put("time", time);
        run.put("eventType", e.eventType());
        boolean terminal = e.eventType().equals("COMPLETE");
        run.put("terminalState", terminal ? "COMPLETED" : null);
        run.put("terminalVersion", terminal ? FIXED_WIDTH.format(time) + "|2|" + id : null);
        run.put("facets", List.of());
        runs.add(run);
    }

    private void addDataset(Workload.Event e, Workload.Dataset d, OffsetDateTime time, String version, boolean input) {
        namespaces.add(d.namespace());
        entity(datasets, d.namespace(), d.name(), time, List.of(facet("schema", version, Map.of())));
        var fields = new ArrayList<Map<String, Object>>();
        var json = new StringBuilder("[");
        for (int i = 0; i < d.fields().size(); i++) {
            String name = d.fields().get(i);
            String type = i % 3 == 0 ? "string" : "long";
            var f = new HashMap<String, Object>();
            f.put("position", i);
            f.put("path", name);
            f.put("name", name);
            f.put("parentPath", null);
            f.put("ordinal", i);
            f.put("depth", 0);
            f.put("type", type);
            f.put("description", null);
            f.put("searchText", searchText(name, d.name()));
            fields.add(f);
            json.append(i > 0 ? "," : "")
                    .append("{\"name\":\"")
                    .append(name)
                    .append("\",\"type\":\"")
                    .append(type)
                    .append("\"}");
        }
        String fieldsJson = json.append(']').toString();
        String hash = sha256(fieldsJson);
        var schema = new HashMap<String, Object>(ref(d));
        schema.put("index", schemas.size());
        schema.put("hash", hash);
        schema.put("fieldsJson", fieldsJson);
        var schemaRow = seen(schemas, d.namespace() + "\u0000" + d.name() + "\u0000" + hash, time, schema);
        if (schemaRow == schema) {
            schemaFields.add(fields);
        }
        newest(schemaRow, version);
        var io = ref(d);
        io.put("runId", e.runId().toString());
        io.put("statistics", null);
        io.put("version", version);
        seen(input ? runInputs : runOutputs, e.runId() + "\u0000" + d.namespace() + "\u0000" + d.name(), time, io);
        var lineage = ref(d);
        lineage.put("jobNamespace", e.job().namespace());
        lineage.put("jobName", e.job().name());
        seen(
                input ? jobInputs : jobOutputs,
                e.job().namespace() + "\u0000" + e.job().name() + "\u0000" + d.namespace() + "\u0000" + d.name(),
                time,
                lineage);
        if (input) {
            return;
        }
        var lineageJson = new StringBuilder(e.job().namespace() + "|" + e.job().name());
        for (int i = 0; i < d.fields().size(); i++) {
            var l = Workload.lineage(d, i, e.job().inputs());
            lineageJson.append('|').append(l.from().name()).append('.').append(l.field());
        }
        String lineageHash = sha256(lineageJson.toString());
        var lineageVersion = ref(d);
        lineageVersion.put("hash", lineageHash);
        lineageVersion.put("jobNamespace", e.job().namespace());
        lineageVersion.put("jobName", e.job().name());
        newest(
                seen(
                        lineageVersions,
                        d.namespace() + "\u0000" + d.name() + "\u0000" + lineageHash,
                        time,
                        lineageVersion),
                version);
        for (int i = 0; i < d.fields().size(); i++) {
            var l = Workload.lineage(d, i, e.job().inputs());
            entity(datasets, l.from().namespace(), l.from().name(), time, List.of());
            var row = ref(d);
            row.put("outputField", d.fields().get(i));
            row.put("inputNamespace", l.from().namespace());
            row.put("inputDataset", l.from().name());
            row.put("inputField", l.field());
            row.put("inputSearchText", searchText(l.field(), l.from().name()));
            row.put("outputSearchText", searchText(d.fields().get(i), d.name()));
            row.put("type", "DIRECT");
            row.put("subtypeKey", "IDENTITY");
            row.put("description", "");
            row.put("masking", false);
            row.put("jobNamespace", e.job().namespace());
            row.put("jobName", e.job().name());
            row.put("time", time);
            row.put("hash", lineageHash);
            // One row per edge and facet version, at its earliest time, as EventRows coalesces them.
            String key = String.join(
                    "\u0000", l.from().name(), l.field(), d.name(), d.fields().get(i), lineageHash);
            var known = lineageRows.get(key);
            if (known == null) {
                row.put("index", columnLineage.size());
                columnLineage.add(row);
                lineageRows.put(key, row);
            } else if (time.isBefore((OffsetDateTime) known.get("time"))) {
                known.put("time", time);
            }
        }
    }

    private static Map<String, Object> facet(String name, String version, Map<String, Object> properties) {
        var p = new HashMap<String, Object>(properties);
        p.put("facet_" + name, "{\"_producer\":\"" + Workload.PRODUCER + "\"}");
        p.put("facetVersion_" + name, version);
        return Map.of("name", name, "version", version, "properties", p);
    }

    private static HashMap<String, Object> ref(Workload.Dataset d) {
        var m = new HashMap<String, Object>();
        m.put("namespace", d.namespace());
        m.put("name", d.name());
        return m;
    }

    private static Map<String, Object> entity(String namespace, String name, List<?> facets) {
        return Map.of(
                "namespace", namespace, "name", name, "facets", List.of(), "searchText", searchText(name, namespace));
    }

    private static String searchText(String name, String context) {
        return (name + " " + context).toLowerCase(java.util.Locale.ROOT);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(String json) {
        var out = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(out, 8192)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
