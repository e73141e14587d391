package io.tributary.marquez;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import io.tributary.entity.StoredFacets;
import io.tributary.job.SourceCodePolicy;
import io.tributary.problem.NotFoundException;
import io.tributary.run.RunArchive;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * The read side of the Marquez-compatible API: pages of keys from {@code cypher/read/marquez}, turned into Marquez's
 * shapes from the views every feature shares ({@link EntityLookup}, {@link StoredFacets}, {@link RunArchive}), each
 * list in a fixed number of queries whatever its length.
 */
@Repository
class MarquezRepository {

    private record Keys<K>(List<K> keys) {}

    private record Ids(List<String> ids) {}

    private record NamespacePage(String name, int limit, int offset) {}

    private record DatasetPage(String namespace, int limit, int offset) {}

    private record JobPage(String namespace, List<String> states, int limit, int offset) {}

    private record RunPage(String namespace, String job, int limit, int offset) {}

    /** A dataset's details beyond the shared view. */
    private record DatasetDetails(OffsetDateTime lastModifiedAt, String schemaVersion, String latestVersion) {}

    /** A job's details beyond the shared view. */
    private record JobDetails(
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            List<DatasetId> inputs,
            List<DatasetId> outputs,
            String parentJobName,
            String latestRunId,
            String currentVersion) {}

    /** What a run read and wrote. */
    private record RunDatasets(List<Run.DatasetVersion> inputs, List<Run.DatasetVersion> outputs) {}

    private final GraphStore store;
    private final EntityLookup lookup;
    private final StoredFacets facets;
    private final RunArchive archive;
    private final SourceCodePolicy policy;

    MarquezRepository(
            GraphStore store, EntityLookup lookup, StoredFacets facets, RunArchive archive, SourceCodePolicy policy) {
        this.store = store;
        this.lookup = lookup;
        this.facets = facets;
        this.archive = archive;
        this.policy = policy;
    }

    List<Namespace> namespaces(int limit, int offset) {
        return store.read(
                "read/marquez/namespaces",
                new NamespacePage(null, limit, offset),
                result -> result.list(MarquezRepository::namespace));
    }

    Namespace namespace(String name) {
        return store
                .read(
                        "read/marquez/namespaces",
                        new NamespacePage(name, 1, 0),
                        result -> result.list(MarquezRepository::namespace))
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Namespace '" + name + "' not found."));
    }

    Dataset.Page datasets(String namespace, int limit, int offset) {
        namespace(namespace);
        var page = new DatasetPage(namespace, limit, offset);
        List<DatasetKey> keys = store.read(
                "read/marquez/dataset-page",
                page,
                result -> result.list(r -> new DatasetKey(
                        r.get("namespace").asString(), r.get("name").asString())));
        long total = store.read("read/marquez/dataset-count", page, MarquezRepository::count);
        return new Dataset.Page(datasets(keys), total);
    }

    Dataset dataset(String namespace, String name) {
        namespace(namespace);
        List<Dataset> found = datasets(List.of(new DatasetKey(namespace, name)));
        if (found.isEmpty() || found.getFirst().deleted()) {
            throw new NotFoundException("Dataset '" + name + "' not found in namespace '" + namespace + "'.");
        }
        return found.getFirst();
    }

    /** Jobs of one namespace, or of all ({@code namespace} null), optionally by their latest run's state. */
    Job.Page jobs(String namespace, List<String> states, int limit, int offset) {
        if (namespace != null) {
            namespace(namespace);
        }
        var page = new JobPage(namespace, states, limit, offset);
        List<JobKey> keys = store.read(
                "read/marquez/job-page",
                page,
                result -> result.list(r ->
                        new JobKey(r.get("namespace").asString(), r.get("name").asString())));
        long total = store.read("read/marquez/job-count", page, MarquezRepository::count);
        return new Job.Page(jobs(keys), total);
    }

    Job job(String namespace, String name) {
        namespace(namespace);
        List<Job> found = jobs(List.of(new JobKey(namespace, name)));
        if (found.isEmpty() || deleted(namespace, name)) {
            throw new NotFoundException("Job '" + name + "' not found in namespace '" + namespace + "'.");
        }
        return found.getFirst();
    }

    Run.Page runs(String namespace, String job, int limit, int offset) {
        job(namespace, job);
        var page = new RunPage(namespace, job, limit, offset);
        List<String> ids = store.read(
                "read/marquez/job-runs",
                page,
                result -> result.list(r -> r.get("runId").asString()));
        long total = store.read("read/marquez/job-run-count", page, MarquezRepository::count);
        return new Run.Page(runs(ids), total);
    }

    Run run(String id) {
        List<Run> found = runs(List.of(id));
        if (found.isEmpty()) {
            throw new NotFoundException("Run '" + id + "' not found.");
        }
        return found.getFirst();
    }

    /** The run facets, or the job facets, of all a run's events; the job's source code only where allowed. */
    Run.Facets runFacets(String id, boolean jobFacets) {
        run(id);
        RunArchive.Facets merged = archive.facets(List.of(id)).get(id);
        return new Run.Facets(id, jobFacets ? merged.jobFacets() : merged.runFacets());
    }

    private boolean deleted(String namespace, String name) {
        JobView view = lookup.jobs(List.of(new JobKey(namespace, name))).get(new JobKey(namespace, name));
        return view == null || view.deletedAt() != null;
    }

    /** The datasets of the keys that exist, in the keys' order. */
    List<Dataset> datasets(List<DatasetKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<DatasetKey, DatasetView> views = lookup.datasets(keys);
        List<DatasetView> found =
                keys.stream().map(views::get).filter(Objects::nonNull).toList();
        Map<DatasetView, Map<String, Object>> facetsOf = facets.datasets(found);
        Map<DatasetKey, List<Dataset.Field>> fields = store.read(
                "read/marquez/dataset-fields",
                new Keys<>(keys),
                SourceRows.byDataset(r -> new Dataset.Field(
                        r.get("name").asString(),
                        DriverValues.string(r.get("type")),
                        DriverValues.strings(r.get("tags")),
                        DriverValues.string(r.get("description")))));
        Map<DatasetKey, List<DatasetDetails>> details = store.read(
                "read/marquez/dataset-details",
                new Keys<>(keys),
                SourceRows.byDataset(r -> new DatasetDetails(
                        DriverValues.time(r.get("lastModifiedAt")),
                        DriverValues.string(r.get("schemaVersion")),
                        DriverValues.string(r.get("latestVersion")))));
        return found.stream()
                .map(view -> {
                    DatasetDetails d = Objects.requireNonNullElse(
                            only(details.get(view.key())), new DatasetDetails(null, null, null));
                    return MarquezShapes.dataset(
                            view,
                            fields.getOrDefault(view.key(), List.of()),
                            facetsOf.getOrDefault(view, Map.of()),
                            d.lastModifiedAt(),
                            d.latestVersion() != null
                                    ? d.latestVersion()
                                    : Versions.dataset(view.namespace(), view.name(), d.schemaVersion()));
                })
                .toList();
    }

    List<Job> jobs(List<JobKey> keys) {
        return jobs(keys, true);
    }

    /**
     * The jobs of the keys that exist, in the keys' order, each with its latest run; that run's facets (read from its
     * archived events) only with {@code runFacets}, which graphs of many jobs leave out.
     */
    List<Job> jobs(List<JobKey> keys, boolean runFacets) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<JobKey, JobView> views = lookup.jobs(keys);
        List<JobView> found =
                keys.stream().map(views::get).filter(Objects::nonNull).toList();
        Map<JobView, Map<String, Object>> facetsOf = facets.jobs(found);
        Map<JobKey, List<JobDetails>> details = store.read(
                "read/marquez/job-details",
                new Keys<>(keys),
                SourceRows.byJob(r -> new JobDetails(
                        DriverValues.time(r.get("createdAt")),
                        DriverValues.time(r.get("updatedAt")),
                        datasetIds(r.get("inputs")),
                        datasetIds(r.get("outputs")),
                        DriverValues.string(r.get("parentJobName")),
                        DriverValues.string(r.get("latestRunId")),
                        DriverValues.string(r.get("currentVersion")))));
        List<String> latestRunIds = details.values().stream()
                .map(MarquezRepository::only)
                .map(JobDetails::latestRunId)
                .filter(Objects::nonNull)
                .toList();
        Map<String, Run> latestRuns = byId(runs(latestRunIds, runFacets));
        return found.stream()
                .map(view -> {
                    JobDetails d = Objects.requireNonNullElse(
                            only(details.get(view.key())),
                            new JobDetails(null, null, List.of(), List.of(), null, null, null));
                    return MarquezShapes.job(
                            view,
                            policy.jobFacets(facetsOf.getOrDefault(view, Map.of())),
                            d.createdAt(),
                            d.updatedAt(),
                            d.inputs(),
                            d.outputs(),
                            d.parentJobName(),
                            d.latestRunId() == null ? null : latestRuns.get(d.latestRunId()),
                            d.currentVersion());
                })
                .toList();
    }

    List<Run> runs(List<String> ids) {
        return runs(ids, true);
    }

    /** The runs of the ids that exist, in the ids' order, with their datasets and (with {@code facets}) run facets. */
    List<Run> runs(List<String> ids, boolean facets) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, RunView> views = lookup.runs(ids);
        Map<String, List<RunDatasets>> datasets = store.read(
                "read/marquez/run-datasets",
                new Ids(ids),
                SourceRows.byRun(r -> new RunDatasets(versions(r.get("inputs")), versions(r.get("outputs")))));
        Map<String, List<String>> jobVersions = store.read(
                "read/marquez/run-job-versions",
                new Ids(ids),
                SourceRows.byRun(r -> DriverValues.string(r.get("jobVersion"))));
        Map<String, RunArchive.Facets> runFacets = facets ? archive.facets(ids) : Map.of();
        return ids.stream()
                .map(views::get)
                .filter(Objects::nonNull)
                .map(view -> {
                    List<RunDatasets> io = datasets.get(view.id());
                    RunDatasets d = io == null || io.isEmpty() ? new RunDatasets(List.of(), List.of()) : io.getFirst();
                    RunArchive.Facets f = runFacets.get(view.id());
                    return MarquezShapes.run(
                            view,
                            d.inputs(),
                            d.outputs(),
                            f == null ? Map.of() : f.runFacets(),
                            only(jobVersions.get(view.id())));
                })
                .toList();
    }

    private static Namespace namespace(Record r) {
        return new Namespace(
                r.get("name").asString(),
                DriverValues.time(r.get("createdAt")),
                DriverValues.time(r.get("updatedAt")),
                null,
                null,
                false);
    }

    static long count(Result result) {
        return result.single().get("count").asLong();
    }

    /** Pairs of [namespace, name], as the details statements collect them (an OPTIONAL MATCH miss is [null, null]). */
    static List<DatasetId> datasetIds(Value pairs) {
        return pairs.asList(Function.identity()).stream()
                .filter(pair -> !pair.get(0).isNull())
                .map(pair -> new DatasetId(pair.get(0).asString(), pair.get(1).asString()))
                .toList();
    }

    /** Triples of [namespace, name, schema version] as run-datasets collects them. */
    private static List<Run.DatasetVersion> versions(Value triples) {
        return triples.asList(Function.identity()).stream()
                .filter(triple -> !triple.get(0).isNull())
                .map(triple -> {
                    String namespace = triple.get(0).asString();
                    String name = triple.get(1).asString();
                    // The dataset version read or written (its writing run's id), else the schema-based id.
                    String version = triple.size() > 3 && !triple.get(3).isNull()
                            ? triple.get(3).asString()
                            : Versions.dataset(namespace, name, DriverValues.string(triple.get(2)));
                    return new Run.DatasetVersion(new Run.DatasetVersionId(namespace, name, version), Map.of());
                })
                .toList();
    }

    static <T> T only(List<T> rows) {
        return rows == null || rows.isEmpty() ? null : rows.getFirst();
    }

    private static Map<String, Run> byId(List<Run> runs) {
        var map = new java.util.HashMap<String, Run>();
        runs.forEach(run -> map.put(run.id(), run));
        return map;
    }
}
