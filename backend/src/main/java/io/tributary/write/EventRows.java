package io.tributary.write;

import io.tributary.archive.ArchivedJson;
import io.tributary.event.Facet;
import io.tributary.event.LineageEvent;
import io.tributary.event.LineageEvent.ColumnDerivation;
import io.tributary.event.LineageEvent.DatasetInfo;
import io.tributary.store.DatasetKey;
import io.tributary.store.FieldKey;
import io.tributary.store.JobKey;
import io.tributary.store.LineageVersionKey;
import io.tributary.store.RunId;
import io.tributary.store.SchemaVersionKey;
import io.tributary.write.IngestRows.ArchivedEvent;
import io.tributary.write.IngestRows.ArchivedEventRow;
import io.tributary.write.IngestRows.ColumnLineageCheck;
import io.tributary.write.IngestRows.ColumnLineageKey;
import io.tributary.write.IngestRows.ColumnLineageRow;
import io.tributary.write.IngestRows.EntityRow;
import io.tributary.write.IngestRows.FacetRow;
import io.tributary.write.IngestRows.FieldRow;
import io.tributary.write.IngestRows.JobDatasetKey;
import io.tributary.write.IngestRows.JobDatasetRow;
import io.tributary.write.IngestRows.JobDependencyKey;
import io.tributary.write.IngestRows.JobDependencyRow;
import io.tributary.write.IngestRows.JobRef;
import io.tributary.write.IngestRows.LineageVersionRow;
import io.tributary.write.IngestRows.QualityAssertions;
import io.tributary.write.IngestRows.QualityMetrics;
import io.tributary.write.IngestRows.QualityRow;
import io.tributary.write.IngestRows.RunDatasetKey;
import io.tributary.write.IngestRows.RunDatasetRow;
import io.tributary.write.IngestRows.RunDefinitionKey;
import io.tributary.write.IngestRows.RunDefinitionRow;
import io.tributary.write.IngestRows.RunParentRow;
import io.tributary.write.IngestRows.RunRef;
import io.tributary.write.IngestRows.RunRow;
import io.tributary.write.IngestRows.SchemaFieldsRow;
import io.tributary.write.IngestRows.SchemaRow;
import io.tributary.write.IngestRows.StatisticsRow;
import io.tributary.write.IngestRows.SymlinkRow;
import io.tributary.write.NodeRows.Facets;
import io.tributary.write.NodeRows.Sighting;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rows of every ingest statement for a batch of events, so that a batch of any size is written with a fixed number
 * of {@code UNWIND} statements. Nodes and edges get one row per key for the whole batch (see {@link NodeRows}); rows
 * carry a {@code version} (fixed-width event time, then event id) that the statements compare to keep the newest value
 * whatever order events arrive in. Built once, never changed: each list may be read any number of times.
 */
final class EventRows {

    private static final DateTimeFormatter FIXED_WIDTH = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn");

    private static final List<String> LIFECYCLE = List.of("START", "RUNNING", "OTHER", "ABORT", "FAIL", "COMPLETE");

    final List<ArchivedEventRow> events;
    final List<String> namespaces;
    final List<EntityRow<JobKey>> jobs;
    final List<EntityRow<DatasetKey>> datasets;
    /** One row per dataset and schema: earliest and latest time, newest version, hash and JSON; not the fields. */
    final List<SchemaRow> schemas;
    /** The fields of each schema row, by its index: only upsert-fields needs them, so upsert-schemas is not sent them. */
    private final List<List<FieldRow>> schemaFields;

    final List<RunRow> runs;
    final List<RunParentRow> parents;
    final List<RunDatasetRow> runInputs;
    final List<RunDatasetRow> runOutputs;
    final List<JobDatasetRow> jobInputs;
    final List<JobDatasetRow> jobOutputs;
    /** Per run and defining job facet (sql, sourceCodeLocation, jobType), the newest value the batch reported. */
    final List<RunDefinitionRow> runDefinitions;
    /** The runs of the batch, once each: their job versions are settled again. */
    final List<RunRef> versionRuns;
    /** The jobs whose runs or edges the batch touched: their edges are marked current or history again. */
    final List<JobRef> lineageJobs;
    /**
     * One row per output dataset and column-lineage version, each with its {@code index} and whether it may be found
     * settled ({@code settledEligible}: the batch has no other version for that dataset; see
     * upsert-column-lineage-versions).
     */
    final List<LineageVersionRow> lineageVersions;
    /**
     * One row per edge and facet version: a run's START and COMPLETE, or reruns coalesced into one transaction, repeat
     * the same entries, which differ only in time; the earliest time is the only one the statements use. Rows carry
     * their {@code index} so that the check statement can return which of them change the graph.
     */
    final List<ColumnLineageRow> columnLineage;

    final List<SymlinkRow> symlinks;
    final List<QualityRow> quality;
    /** One row per jobDependencies edge, with the rules its newest report gave. */
    final List<JobDependencyRow> jobDependencies;

    private EventRows(Builder b) {
        events = List.copyOf(b.events);
        namespaces = List.copyOf(b.namespaces);
        jobs = b.jobs.list(EventRows::entity);
        datasets = b.datasets.list(EventRows::entity);
        schemas = b.schemas.list((key, seen, index) ->
                new SchemaRow(key, index, seen.data().fieldsJson(), seen.firstSeen(), seen.lastSeen(), seen.version()));
        schemaFields = b.schemas.list((key, seen, index) -> seen.data().fields());
        runs = List.copyOf(b.runs);
        parents = List.copyOf(b.parents);
        runInputs = b.runInputs.list(EventRows::runDataset);
        runOutputs = b.runOutputs.list(EventRows::runDataset);
        jobInputs = b.jobInputs.list((key, seen, index) -> new JobDatasetRow(key, seen.firstSeen(), seen.lastSeen()));
        jobOutputs = b.jobOutputs.list((key, seen, index) -> new JobDatasetRow(key, seen.firstSeen(), seen.lastSeen()));
        runDefinitions = List.copyOf(b.runDefinitions.values());
        versionRuns =
                b.runs.stream().map(RunRow::runId).distinct().map(RunRef::new).toList();
        var touched = new LinkedHashSet<JobKey>();
        b.runs.stream().map(RunRow::job).filter(Objects::nonNull).forEach(touched::add);
        jobInputs.forEach(row -> touched.add(row.key().job()));
        jobOutputs.forEach(row -> touched.add(row.key().job()));
        lineageJobs = touched.stream().map(JobRef::new).collect(Collectors.toUnmodifiableList());
        var versionsPerDataset = new HashMap<DatasetKey, Integer>();
        for (var key : b.lineageVersions.list((key, seen, index) -> key)) {
            versionsPerDataset.merge(key.dataset(), 1, Integer::sum);
        }
        lineageVersions = b.lineageVersions.list((key, seen, index) -> new LineageVersionRow(
                key,
                seen.data(),
                seen.firstSeen(),
                seen.lastSeen(),
                seen.version(),
                index,
                versionsPerDataset.get(key.dataset()) == 1));
        columnLineage = b.columnLineage.list((key, seen, index) -> {
            var d = seen.data();
            return new ColumnLineageRow(
                    index,
                    key,
                    seen.firstSeen(),
                    d.inputSearchText(),
                    d.outputSearchText(),
                    d.description(),
                    d.masking(),
                    d.job());
        });
        symlinks = List.copyOf(b.symlinks);
        quality = List.copyOf(b.quality);
        jobDependencies = b.jobDependencies.list((key, seen, index) -> {
            var rules = seen.data().newest;
            return new JobDependencyRow(
                    key,
                    seen.firstSeen(),
                    seen.lastSeen(),
                    seen.version(),
                    rules.dependencyType(),
                    rules.sequenceTriggerRule(),
                    rules.statusTriggerRule());
        });
    }

    static EventRows of(List<LineageEvent> batch) {
        return of(batch, true);
    }

    /** The rows of a batch; without {@code archive}, no archive rows (their bodies are compressed already). */
    static EventRows of(List<LineageEvent> batch, boolean archive) {
        var builder = new Builder(archive);
        batch.forEach(builder::add);
        return new EventRows(builder);
    }

    /** The rows upsert-fields needs for the schema rows of these indexes: first seen and the fields. */
    List<SchemaFieldsRow> schemaFields(List<Integer> indexes) {
        var rows = new ArrayList<SchemaFieldsRow>(indexes.size());
        for (int index : indexes) {
            var schema = schemas.get(index);
            rows.add(new SchemaFieldsRow(schema.key(), schema.firstSeen(), schemaFields.get(index)));
        }
        return rows;
    }

    /**
     * The column-lineage rows column-lineage-changes must check: all but those of the versions upsert-column-lineage-
     * versions found settled (by their indexes in {@link #lineageVersions}), whose edges would not change. Only the
     * keys, time and index: the check runs on every row, the write only on those that change.
     */
    List<ColumnLineageCheck> columnLineageToCheck(List<Integer> settled) {
        var skip = new HashSet<LineageVersionKey>();
        for (int index : settled) {
            skip.add(lineageVersions.get(index).key());
        }
        var checks = new ArrayList<ColumnLineageCheck>(columnLineage.size());
        for (var row : columnLineage) {
            if (!skip.contains(row.key().version())) {
                checks.add(row.check());
            }
        }
        return checks;
    }

    /** The column-lineage rows of these indexes (those column-lineage-changes returned). */
    List<ColumnLineageRow> columnLineage(List<Integer> indexes) {
        return indexes.stream().map(columnLineage::get).toList();
    }

    private static <K extends Record> EntityRow<K> entity(K key, Sighting<Facets> seen, int index) {
        String searchText = switch (key) {
            case JobKey job -> SearchText.of(job.name(), job.namespace());
            case DatasetKey dataset -> SearchText.of(dataset.name(), dataset.namespace());
            default -> throw new IllegalArgumentException("not an entity key: " + key);
        };
        return new EntityRow<>(
                key, searchText, seen.firstSeen(), seen.lastSeen(), seen.data().list());
    }

    private static RunDatasetRow runDataset(RunDatasetKey key, Sighting<NewestReport> seen, int index) {
        var reported = seen.data();
        return new RunDatasetRow(
                key,
                seen.firstSeen(),
                seen.lastSeen(),
                reported.statistics,
                reported.version,
                reported.schemaHash,
                reported.schemaHashVersion,
                reported.datasetVersion,
                reported.datasetVersionVersion);
    }

    /** What a schema row keeps from its first sighting (the hash in its key covers both). */
    private record SchemaData(String fieldsJson, List<FieldRow> fields) {}

    /** What a column-lineage row keeps from its first sighting (the hash in its key covers it). */
    private record LineageData(
            String inputSearchText, String outputSearchText, String description, Boolean masking, JobKey job) {}

    /**
     * The newest statistics the batch reported for a run's edge, with the version that guards them (with none
     * reported, the version of the edge's first event); the newest schema hash and dataset version facet value, each
     * guarded by the version of the event that carried it. A dataset version is made of them (upsert-dataset-versions).
     */
    private static final class NewestReport {

        private StatisticsRow statistics;
        private String version;
        private String schemaHash;
        private String schemaHashVersion;
        private String datasetVersion;
        private String datasetVersionVersion;

        void add(StatisticsRow reported, String schemaHash, String datasetVersion, String version) {
            if (reported != null && (statistics == null || version.compareTo(this.version) > 0)) {
                statistics = reported;
                this.version = version;
            } else if (this.version == null) {
                this.version = version;
            }
            if (schemaHash != null && (schemaHashVersion == null || version.compareTo(schemaHashVersion) > 0)) {
                this.schemaHash = schemaHash;
                this.schemaHashVersion = version;
            }
            if (datasetVersion != null
                    && (datasetVersionVersion == null || version.compareTo(datasetVersionVersion) > 0)) {
                this.datasetVersion = datasetVersion;
                this.datasetVersionVersion = version;
            }
        }
    }

    /** The rules of the newest report of a jobDependencies edge (the sighting keeps its version). */
    private static final class NewestDependency {
        private LineageEvent.JobDependency newest;
    }

    /** Collects the rows of a batch, event by event. */
    private static final class Builder {

        private final boolean archive;

        Builder(boolean archive) {
            this.archive = archive;
        }

        final List<ArchivedEventRow> events = new ArrayList<>();
        final Set<String> namespaces = new LinkedHashSet<>();
        final NodeRows<JobKey, Facets> jobs = new NodeRows<>();
        final NodeRows<DatasetKey, Facets> datasets = new NodeRows<>();
        final NodeRows<SchemaVersionKey, SchemaData> schemas = new NodeRows<>();
        final List<RunRow> runs = new ArrayList<>();
        final List<RunParentRow> parents = new ArrayList<>();
        final NodeRows<RunDatasetKey, NewestReport> runInputs = new NodeRows<>();
        final NodeRows<RunDatasetKey, NewestReport> runOutputs = new NodeRows<>();
        final NodeRows<JobDatasetKey, Void> jobInputs = new NodeRows<>();
        final NodeRows<JobDatasetKey, Void> jobOutputs = new NodeRows<>();
        final Map<RunDefinitionKey, RunDefinitionRow> runDefinitions = new LinkedHashMap<>();
        final NodeRows<LineageVersionKey, JobKey> lineageVersions = new NodeRows<>();
        final NodeRows<ColumnLineageKey, LineageData> columnLineage = new NodeRows<>();
        final List<SymlinkRow> symlinks = new ArrayList<>();
        final List<QualityRow> quality = new ArrayList<>();
        final NodeRows<JobDependencyKey, NewestDependency> jobDependencies = new NodeRows<>();

        void add(LineageEvent e) {
            OffsetDateTime time = e.eventTime();
            String version = version(time, e.eventType(), e.id());
            if (archive) {
                events.add(new ArchivedEventRow(e.id(), archived(e)));
            }
            JobKey job = e.job() == null
                    ? null
                    : new JobKey(e.job().namespace(), e.job().name());
            if (job != null) {
                entity(jobs, job.namespace(), job, time, facets(e.job().facets(), version));
            }
            for (DatasetInfo d : e.inputs()) {
                addDataset(e, job, d, version, true);
            }
            for (DatasetInfo d : e.outputs()) {
                addDataset(e, job, d, version, false);
            }
            if (e.run() != null) {
                addRun(e, job, version);
                if (e.job() != null) {
                    addDefinitions(new RunId(e.runId()), e.job().facets(), version);
                }
                if (job != null) {
                    addDependencies(job, e.run().dependencies(), time, version);
                }
            }
        }

        /** Each dependency is an edge from the job that waits to the job it waits for; the newest report's rules win. */
        private void addDependencies(
                JobKey job, List<LineageEvent.JobDependency> dependencies, OffsetDateTime time, String version) {
            for (var d : dependencies) {
                var other = new JobKey(d.namespace(), d.name());
                entity(jobs, other.namespace(), other, time, List.of());
                var key = d.upstream() ? new JobDependencyKey(job, other) : new JobDependencyKey(other, job);
                var seen = jobDependencies.seen(key, time, NewestDependency::new);
                if (seen.newest(version)) {
                    seen.data().newest = d;
                }
            }
        }

        /** The job facets that define a job version, as this run reported them (the newest per name wins). */
        private void addDefinitions(RunId runId, List<Facet> facets, String version) {
            for (Facet facet : facets) {
                String value = JobDefinitions.value(facet);
                if (value != null) {
                    runDefinitions.merge(
                            new RunDefinitionKey(runId, facet.name()),
                            new RunDefinitionRow(new RunDefinitionKey(runId, facet.name()), value, version),
                            (a, b) -> b.version().compareTo(a.version()) > 0 ? b : a);
                }
            }
        }

        private <K> void entity(
                NodeRows<K, Facets> rows, String namespace, K key, OffsetDateTime time, List<FacetRow> f) {
            namespaces.add(namespace);
            rows.seen(key, time, Facets::new).data().add(f);
        }

        private void dataset(String namespace, String name, OffsetDateTime time, List<FacetRow> f) {
            entity(datasets, namespace, new DatasetKey(namespace, name), time, f);
        }

        private void addRun(LineageEvent e, JobKey job, String version) {
            RunId runId = new RunId(e.runId());
            int rank = e.eventType() == null ? -1 : LineageEvent.TERMINAL_TYPES.indexOf(e.eventType());
            runs.add(new RunRow(
                    runId,
                    job,
                    e.eventTime(),
                    e.eventType(),
                    rank < 0 ? null : terminalState(e.eventType()),
                    rank < 0 ? null : fixedWidth(e.eventTime()) + "|" + rank + "|" + e.id(),
                    facets(e.run().facets(), version)));
            var parent = e.run().parent();
            if (parent != null && parent.jobNamespace() != null && parent.jobName() != null) {
                var parentJob = new JobKey(parent.jobNamespace(), parent.jobName());
                entity(jobs, parentJob.namespace(), parentJob, e.eventTime(), List.of());
                parents.add(new RunParentRow(
                        runId, new RunId(parent.runId()), parentJob, RunId.of(parent.rootRunId()), e.eventTime()));
            }
        }

        private void addDataset(LineageEvent e, JobKey job, DatasetInfo d, String version, boolean input) {
            OffsetDateTime time = e.eventTime();
            var dataset = new DatasetKey(d.namespace(), d.name());
            dataset(d.namespace(), d.name(), time, facets(d.facets(), version));
            String schemaHash = d.fields() == null ? null : addSchema(dataset, d, time, version);
            if (e.run() != null) {
                RunId runId = new RunId(e.runId());
                (input ? runInputs : runOutputs)
                        .seen(new RunDatasetKey(runId, dataset), time, NewestReport::new)
                        .data()
                        .add(statistics(d.statistics(), version), schemaHash, datasetVersion(d), version);
                if (d.quality() != null) {
                    quality.add(quality(runId, dataset, d, time, version));
                }
            }
            if (job != null) {
                (input ? jobInputs : jobOutputs).seen(new JobDatasetKey(job, dataset), time, () -> null);
            }
            var derivations = ColumnDerivations.of(d);
            String lineageHash = derivations.isEmpty() ? null : SchemaJson.lineageHash(e.job(), derivations);
            if (lineageHash != null) {
                // The hash covers the job, so one row per (output dataset, hash) names one job.
                lineageVersions
                        .seen(new LineageVersionKey(dataset, lineageHash), time, () -> job)
                        .newest(version);
            }
            for (var c : derivations) {
                dataset(c.inputNamespace(), c.inputDataset(), time, List.of());
                addLineage(job, dataset, c, time, lineageHash);
            }
            for (var c : d.datasetColumnLineage()) {
                // Named even when no output column is known to draw its edges to.
                dataset(c.inputNamespace(), c.inputDataset(), time, List.of());
            }
            for (var s : d.symlinks()) {
                dataset(s.namespace(), s.name(), time, List.of());
                symlinks.add(new SymlinkRow(dataset, new DatasetKey(s.namespace(), s.name()), s.type()));
            }
        }

        /** Adds the schema the event reported for the dataset; its hash. */
        private String addSchema(DatasetKey dataset, DatasetInfo d, OffsetDateTime time, String version) {
            String fieldsJson = SchemaJson.of(d.fields());
            var key = new SchemaVersionKey(dataset, SchemaJson.hash(fieldsJson));
            schemas.seen(key, time, () -> new SchemaData(fieldsJson, fields(d))).newest(version);
            return key.hash();
        }

        private void addLineage(JobKey job, DatasetKey output, ColumnDerivation c, OffsetDateTime time, String hash) {
            String subtypeKey = c.subtype() == null ? "" : c.subtype();
            var key = new ColumnLineageKey(
                    new FieldKey(c.inputNamespace(), c.inputDataset(), c.inputField()),
                    FieldKey.of(output, c.outputField()),
                    c.type(),
                    subtypeKey,
                    hash);
            columnLineage.seen(
                    key,
                    time,
                    () -> new LineageData(
                            SearchText.of(c.inputField(), c.inputDataset()),
                            SearchText.of(c.outputField(), output.name()),
                            c.description(),
                            c.masking(),
                            job));
        }
    }

    private static List<FieldRow> fields(DatasetInfo d) {
        var rows = new ArrayList<FieldRow>(d.fields().size());
        for (var f : d.fields()) {
            rows.add(new FieldRow(
                    rows.size(),
                    f.path(),
                    f.name(),
                    f.parentPath(),
                    f.ordinal(),
                    f.depth(),
                    f.type(),
                    f.description(),
                    SearchText.of(f.path(), d.name())));
        }
        return List.copyOf(rows);
    }

    private static QualityRow quality(
            RunId runId, DatasetKey dataset, DatasetInfo d, OffsetDateTime time, String version) {
        var q = d.quality();
        QualityMetrics metrics = q.rowCount() != null || q.bytes() != null || q.columnMetricsJson() != null
                ? new QualityMetrics(q.rowCount(), q.bytes(), q.columnMetricsJson(), version)
                : null;
        QualityAssertions assertions = q.assertions().isEmpty()
                ? null
                : new QualityAssertions(
                        SchemaJson.assertions(q.assertions()),
                        q.assertions().stream().filter(a -> a.success()).count(),
                        q.assertions().stream().filter(a -> !a.success()).count(),
                        version);
        return new QualityRow(runId, dataset, time, version, metrics, assertions);
    }

    /** The value of the dataset's {@code version} facet (DatasetVersionDatasetFacet), or null. */
    private static String datasetVersion(DatasetInfo d) {
        for (Facet facet : d.facets()) {
            if ("version".equals(facet.name()) && facet.properties().get("datasetVersion") instanceof String value) {
                return value;
            }
        }
        return null;
    }

    private static StatisticsRow statistics(LineageEvent.Statistics s, String version) {
        return s == null ? null : new StatisticsRow(s.rowCount(), s.bytes(), s.fileCount(), version);
    }

    /** Facet rows: the facet's own properties plus its JSON and the version that guards it. */
    private static List<FacetRow> facets(List<Facet> facets, String version) {
        var rows = new ArrayList<FacetRow>(facets.size());
        for (Facet facet : facets) {
            var properties = new HashMap<String, Object>(facet.properties());
            properties.put("facet_" + facet.name(), facet.json());
            properties.put("facetVersion_" + facet.name(), version);
            rows.add(new FacetRow(facet.name(), version, properties));
        }
        return rows;
    }

    private static ArchivedEvent archived(LineageEvent e) {
        return new ArchivedEvent(
                e.kind().name(),
                e.eventType(),
                e.eventTime(),
                RunId.of(e.runId()),
                e.job() == null ? null : new JobKey(e.job().namespace(), e.job().name()),
                e.producer(),
                ArchivedJson.compress(e.json()));
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
