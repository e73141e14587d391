package io.tributary.marquez;

import io.tributary.entity.DatasetVersionView;
import io.tributary.lineage.Traversals;
import io.tributary.problem.NotFoundException;
import io.tributary.store.DatasetKey;
import io.tributary.store.GraphStore;
import io.tributary.store.SchemaVersionKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Marquez's dataset versions and upstream run lineage, from Tributary's {@code (:DatasetVersion)} nodes: a version is
 * what one run wrote, named by that run's id. Each page in a fixed number of queries: the versions, their schemas,
 * their writing runs.
 */
@Repository
class MarquezDatasetVersions {

    private record VersionPage(String namespace, String name, String runId, int limit, int offset) {}

    private record SchemaKeys(List<SchemaVersionKey> keys) {}

    /** A field as the schema JSON holds it. */
    private record StoredField(String path, String type, String description) {}

    private static final TypeReference<List<StoredField>> FIELDS = new TypeReference<>() {};

    private final GraphStore store;
    private final MarquezRepository repository;
    private final Traversals traversals;
    private final JsonMapper json;

    MarquezDatasetVersions(GraphStore store, MarquezRepository repository, Traversals traversals, JsonMapper json) {
        this.store = store;
        this.repository = repository;
        this.traversals = traversals;
        this.json = json;
    }

    DatasetVersion.Page versions(String namespace, String name, int limit, int offset) {
        Dataset dataset = repository.dataset(namespace, name);
        List<DatasetVersionView> views = read(new VersionPage(namespace, name, null, limit, offset));
        long total = store.read(
                "read/marquez/dataset-version-count",
                new VersionPage(namespace, name, null, 0, 0),
                MarquezRepository::count);
        return new DatasetVersion.Page(shapes(dataset, views), total);
    }

    /** One version by its id (the writing run's); Marquez's 404 for an id that is none of the dataset's versions. */
    DatasetVersion version(String namespace, String name, String version) {
        Dataset dataset = repository.dataset(namespace, name);
        List<DatasetVersionView> views = read(new VersionPage(namespace, name, version.toLowerCase(Locale.ROOT), 1, 0));
        if (views.isEmpty()) {
            throw new NotFoundException("Dataset version '" + version + "' not found for dataset '" + name
                    + "' in namespace '" + namespace + "'.");
        }
        return shapes(dataset, views).getFirst();
    }

    /** The runs upstream of a run: each with its job version and the versions it read, by their writing runs. */
    RunLineage upstream(String runId, int depth, int maxNodes) {
        var graph = traversals.runLineageUpstream(runId, depth, maxNodes);
        var inputs = new HashMap<String, List<RunLineage.InputVersion>>();
        for (var edge : graph.edges()) {
            var v = edge.version();
            inputs.computeIfAbsent(edge.to(), k -> new ArrayList<>())
                    .add(new RunLineage.InputVersion(v.namespace(), v.name(), v.id(), v.runId()));
        }
        List<String> ids = graph.nodes().stream()
                .map(io.tributary.lineage.RunLineage.Node::runId)
                .toList();
        var runs = new HashMap<String, Run>();
        repository.runs(ids, false).forEach(run -> runs.put(run.id(), run));
        var upstream = new ArrayList<RunLineage.UpstreamRun>(ids.size());
        for (String id : ids) {
            Run run = runs.get(id);
            if (run == null) {
                continue;
            }
            Run.JobVersionId job = run.jobVersion();
            upstream.add(new RunLineage.UpstreamRun(
                    new RunLineage.JobSummary(job.namespace(), job.name(), job.version()),
                    new RunLineage.RunSummary(id, run.startedAt(), run.endedAt(), run.state()),
                    inputs.getOrDefault(id, List.of())));
        }
        return new RunLineage(upstream);
    }

    private List<DatasetVersionView> read(VersionPage page) {
        return store.read(
                "read/marquez/dataset-versions",
                page,
                result -> result.list(r -> DatasetVersionView.from(r.get("version"))));
    }

    private List<DatasetVersion> shapes(Dataset dataset, List<DatasetVersionView> views) {
        Map<SchemaVersionKey, List<Dataset.Field>> fields = fields(views);
        var runs = new HashMap<String, Run>();
        repository
                .runs(views.stream().map(DatasetVersionView::runId).distinct().toList(), false)
                .forEach(run -> runs.put(run.id(), run));
        return views.stream()
                .map(v -> new DatasetVersion(
                        new Run.DatasetVersionId(dataset.namespace(), dataset.name(), v.id()),
                        dataset.type(),
                        dataset.name(),
                        dataset.physicalName(),
                        v.createdAt(),
                        v.id(),
                        dataset.namespace(),
                        dataset.sourceName(),
                        v.schemaHash() == null
                                ? List.of()
                                : fields.getOrDefault(new SchemaVersionKey(v.dataset(), v.schemaHash()), List.of()),
                        dataset.tags(),
                        dataset.lastLifecycleState(),
                        dataset.description(),
                        runs.get(v.runId()),
                        facets(v)))
                .toList();
    }

    private Map<SchemaVersionKey, List<Dataset.Field>> fields(List<DatasetVersionView> views) {
        List<SchemaVersionKey> keys = views.stream()
                .filter(v -> v.schemaHash() != null)
                .map(v -> new SchemaVersionKey(new DatasetKey(v.namespace(), v.name()), v.schemaHash()))
                .distinct()
                .toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return store.read("read/dataset/version-schemas", new SchemaKeys(keys), result -> {
            var found = new HashMap<SchemaVersionKey, List<Dataset.Field>>();
            result.forEachRemaining(r -> found.put(
                    new SchemaVersionKey(
                            new DatasetKey(
                                    r.get("namespace").asString(), r.get("name").asString()),
                            r.get("hash").asString()),
                    json.readValue(r.get("fields").asString(), FIELDS).stream()
                            .map(f -> new Dataset.Field(f.path(), f.type(), List.of(), f.description()))
                            .toList()));
            return found;
        });
    }

    /** The writer's outputStatistics and version facets, as Marquez keeps them on a version. */
    private static Map<String, Object> facets(DatasetVersionView v) {
        var facets = new LinkedHashMap<String, Object>();
        if (v.rowCount() != null || v.bytes() != null || v.fileCount() != null) {
            var statistics = new LinkedHashMap<String, Object>();
            if (v.rowCount() != null) {
                statistics.put("rowCount", v.rowCount());
            }
            if (v.bytes() != null) {
                statistics.put("size", v.bytes());
            }
            if (v.fileCount() != null) {
                statistics.put("fileCount", v.fileCount());
            }
            facets.put("outputStatistics", statistics);
        }
        if (v.datasetVersion() != null) {
            facets.put("version", Map.of("datasetVersion", Objects.requireNonNull(v.datasetVersion())));
        }
        return facets;
    }
}
