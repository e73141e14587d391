package io.tributary.marquez;

import io.tributary.problem.NotFoundException;
import io.tributary.run.RunArchive;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Unwrapped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Repository;

/**
 * Marquez's job versions from Tributary's {@code (:JobVersion)} nodes ({@code cypher/read/marquez/job-versions}), each
 * page in a fixed number of queries: the versions, their latest runs, and those runs' job facets.
 */
@Repository
class MarquezJobVersions {

    /** job-versions: a job's page of versions, or the one {@code hash} names. */
    private record VersionPage(@Unwrapped JobKey job, String hash, int limit, int offset) {}

    /** A row of job-versions. */
    private record Row(
            String hash,
            OffsetDateTime createdAt,
            List<DatasetId> inputs,
            List<DatasetId> outputs,
            String latestRunId) {}

    private final GraphStore store;
    private final MarquezRepository repository;
    private final RunArchive archive;

    MarquezJobVersions(GraphStore store, MarquezRepository repository, RunArchive archive) {
        this.store = store;
        this.repository = repository;
        this.archive = archive;
    }

    JobVersion.Page versions(String namespace, String job, int limit, int offset) {
        repository.job(namespace, job);
        var page = new VersionPage(new JobKey(namespace, job), null, limit, offset);
        List<Row> rows = store.read("read/marquez/job-versions", page, result -> result.list(MarquezJobVersions::row));
        long total = store.read("read/marquez/job-version-count", new JobKey(namespace, job), MarquezRepository::count);
        return new JobVersion.Page(shapes(namespace, job, rows), total);
    }

    /** One version by its Marquez id; 404 for an id that is none of the job's versions (or not an id at all). */
    JobVersion version(String namespace, String job, String version) {
        repository.job(namespace, job);
        String wanted = version.toLowerCase(Locale.ROOT);
        List<String> hashes = store.read(
                "read/marquez/job-version-hashes",
                new JobKey(namespace, job),
                result -> result.list(r -> r.get("hash").asString()));
        String hash = hashes.stream()
                .filter(h -> Versions.jobVersion(namespace, job, h).equals(wanted))
                .findFirst()
                .orElseThrow(() -> notFound(namespace, job, version));
        var one = new VersionPage(new JobKey(namespace, job), hash, 1, 0);
        List<Row> rows = store.read("read/marquez/job-versions", one, result -> result.list(MarquezJobVersions::row));
        return shapes(namespace, job, rows).stream().findFirst().orElseThrow(() -> notFound(namespace, job, version));
    }

    private List<JobVersion> shapes(String namespace, String job, List<Row> rows) {
        List<String> runIds =
                rows.stream().map(Row::latestRunId).filter(Objects::nonNull).toList();
        var runs = new HashMap<String, Run>();
        repository.runs(runIds).forEach(run -> runs.put(run.id(), run));
        Map<String, RunArchive.Facets> facets = runIds.isEmpty() ? Map.of() : archive.facets(runIds);
        return rows.stream()
                .map(row -> {
                    RunArchive.Facets f = row.latestRunId() == null ? null : facets.get(row.latestRunId());
                    Map<String, Object> jobFacets = f == null ? Map.of() : f.jobFacets();
                    String version = Versions.jobVersion(namespace, job, row.hash());
                    return new JobVersion(
                            new Run.JobVersionId(namespace, job, version),
                            job,
                            version,
                            row.createdAt(),
                            namespace,
                            row.inputs(),
                            row.outputs(),
                            location(jobFacets),
                            Map.of(),
                            row.latestRunId() == null ? null : runs.get(row.latestRunId()),
                            jobFacets);
                })
                .toList();
    }

    private static Row row(org.neo4j.driver.Record r) {
        return new Row(
                r.get("hash").asString(),
                DriverValues.time(r.get("createdAt")),
                MarquezRepository.datasetIds(r.get("inputs")),
                MarquezRepository.datasetIds(r.get("outputs")),
                DriverValues.string(r.get("latestRunId")));
    }

    private static String location(Map<String, Object> jobFacets) {
        return jobFacets.get("sourceCodeLocation") instanceof Map<?, ?> facet && facet.get("url") instanceof String url
                ? url
                : null;
    }

    private static NotFoundException notFound(String namespace, String job, String version) {
        return new NotFoundException(
                "Job version '" + version + "' not found for job '" + job + "' in namespace '" + namespace + "'.");
    }
}
