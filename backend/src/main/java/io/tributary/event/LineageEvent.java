package io.tributary.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One OpenLineage event, validated and reduced to what the graph maps. The {@code json} is the event as received, kept
 * verbatim in the archive so that nothing the graph does not map is lost.
 *
 * @param id content hash of the event, so that a redelivered event is recognised and changes nothing
 * @param kind run, job or dataset event
 * @param eventType START, RUNNING, COMPLETE, ABORT, FAIL or OTHER; null where the producer sent none
 * @param eventTime when it happened, normalised to UTC
 * @param run the run, for run events only
 * @param job the job, for run and job events
 * @param inputs datasets read; for a dataset event, empty
 * @param outputs datasets written; for a dataset event, the one dataset it describes
 */
public record LineageEvent(
        String id,
        Kind kind,
        String eventType,
        OffsetDateTime eventTime,
        String producer,
        String schemaUrl,
        RunInfo run,
        JobInfo job,
        List<DatasetInfo> inputs,
        List<DatasetInfo> outputs,
        String json) {

    public enum Kind {
        RUN,
        JOB,
        DATASET
    }

    /** Run state transitions that end a run, in the order a tie at the same event time is settled. */
    public static final List<String> TERMINAL_TYPES = List.of("ABORT", "FAIL", "COMPLETE");

    public UUID runId() {
        return run == null ? null : run.runId();
    }

    /**
     * @param parent the run this one belongs to ({@code parent} facet), with the root of the hierarchy if known
     * @param facets the standard run facets the graph stores, newest per facet name winning
     * @param dependencies the jobDependencies facet's jobs: control flow between jobs, apart from data flow
     */
    public record RunInfo(UUID runId, ParentRef parent, List<Facet> facets, List<JobDependency> dependencies) {}

    /**
     * A job this run's job depends on ({@code upstream}: it must run first) or that depends on it, with the facet's
     * rules as sent.
     */
    public record JobDependency(
            boolean upstream,
            String namespace,
            String name,
            String dependencyType,
            String sequenceTriggerRule,
            String statusTriggerRule) {}

    public record ParentRef(
            UUID runId,
            String jobNamespace,
            String jobName,
            UUID rootRunId,
            String rootJobNamespace,
            String rootJobName) {}

    public record JobInfo(String namespace, String name, List<Facet> facets) {}

    /**
     * A dataset as one event saw it.
     *
     * @param fields the {@code schema} facet, flattened depth-first (nested fields carry their parent's path), or
     *     null when the event carried no schema
     * @param columnLineage the {@code columnLineage} facet, one entry per output field and input field
     * @param datasetColumnLineage the facet's dataset-level entries (input fields that affect every output field, such
     *     as filter, join and group-by columns), with no output field
     * @param symlinks other identifiers of the same dataset
     * @param statistics per-run input or output statistics (rows, bytes, files)
     * @param quality data-quality metrics and assertions about this dataset in this run, or null
     */
    public record DatasetInfo(
            String namespace,
            String name,
            List<Facet> facets,
            List<SchemaField> fields,
            List<ColumnDerivation> columnLineage,
            List<ColumnDerivation> datasetColumnLineage,
            List<Symlink> symlinks,
            Statistics statistics,
            Quality quality) {}

    public record SchemaField(
            String path, String name, String parentPath, int ordinal, int depth, String type, String description) {}

    public record ColumnDerivation(
            String outputField,
            String inputNamespace,
            String inputDataset,
            String inputField,
            String type,
            String subtype,
            String description,
            Boolean masking) {}

    public record Symlink(String namespace, String name, String type) {}

    public record Statistics(Long rowCount, Long bytes, Long fileCount) {}

    /**
     * @param columnMetricsJson the per-column metrics object as sent (null count, distinct count, min, max, ...)
     * @param assertions each assertion with its outcome
     */
    public record Quality(Long rowCount, Long bytes, String columnMetricsJson, List<Assertion> assertions) {}

    public record Assertion(String assertion, String column, boolean success) {}
}
