package io.tributary.marquez;

import io.tributary.entity.DatasetView;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tributary's shared views in Marquez's shapes. */
final class MarquezShapes {

    private MarquezShapes() {}

    static Dataset dataset(
            DatasetView view,
            List<Dataset.Field> fields,
            Map<String, Object> facets,
            java.time.OffsetDateTime lastModifiedAt,
            String currentVersion) {
        String type = view.datasetType() == null ? "" : view.datasetType().toUpperCase(Locale.ROOT);
        return new Dataset(
                new DatasetId(view.namespace(), view.name()),
                type.equals("TOPIC") || type.equals("STREAM") ? "STREAM" : "DB_TABLE",
                view.name(),
                view.name(),
                view.firstSeen(),
                view.lastSeen(),
                view.namespace(),
                view.dataSource() != null && view.dataSource().name() != null
                        ? view.dataSource().name()
                        : view.namespace(),
                fields,
                view.tags(),
                lastModifiedAt,
                view.lifecycleState(),
                view.description(),
                currentVersion,
                null,
                facets,
                view.deletedAt() != null);
    }

    static Job job(
            JobView view,
            Map<String, Object> facets,
            java.time.OffsetDateTime createdAt,
            java.time.OffsetDateTime updatedAt,
            List<DatasetId> inputs,
            List<DatasetId> outputs,
            String parentJobName,
            Run latestRun,
            String currentVersion) {
        String name = view.name();
        int dot = name.lastIndexOf('.');
        return new Job(
                new DatasetId(view.namespace(), name),
                "STREAMING".equalsIgnoreCase(view.processingType()) ? "STREAM" : "BATCH",
                name,
                dot < 0 ? name : name.substring(dot + 1),
                parentJobName,
                null,
                createdAt,
                updatedAt,
                view.namespace(),
                inputs,
                outputs,
                view.sourceCodeLocation() == null
                        ? null
                        : view.sourceCodeLocation().url(),
                view.description(),
                latestRun,
                latestRun == null ? List.of() : List.of(latestRun),
                facets,
                currentVersion == null ? null : Versions.jobVersion(view.namespace(), name, currentVersion),
                List.of(),
                view.tags());
    }

    /** @param jobVersion the hash of the run's job version; null while the run has not ended */
    static Run run(
            RunView view,
            List<Run.DatasetVersion> inputs,
            List<Run.DatasetVersion> outputs,
            Map<String, Object> facets,
            String jobVersion) {
        return new Run(
                view.id(),
                view.sortTime(),
                view.endedAt() != null ? view.endedAt() : view.sortTime(),
                view.nominalStartTime(),
                view.nominalEndTime(),
                view.state(),
                view.startedAt(),
                view.endedAt(),
                view.durationMs(),
                Map.of(),
                new Run.JobVersionId(
                        view.jobNamespace(),
                        view.jobName(),
                        jobVersion == null
                                ? Versions.job(view.jobNamespace(), view.jobName())
                                : Versions.jobVersion(view.jobNamespace(), view.jobName(), jobVersion)),
                inputs,
                outputs,
                Map.of(),
                facets);
    }
}
