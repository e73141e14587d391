package io.tributary.write;

import io.tributary.store.DatasetKey;
import io.tributary.store.FieldKey;
import io.tributary.store.JobKey;
import io.tributary.store.LineageVersionKey;
import io.tributary.store.RunId;
import io.tributary.store.SchemaVersionKey;
import io.tributary.store.Unwrapped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The row of each ingest statement ({@code cypher/ingest/<name>.cypher}): the components are the fields the statement
 * reads from {@code row}, keys unwrapped into them (see {@link io.tributary.store.Parameters}). Rows of nodes and edges
 * that a batch coalesces lead with their key, the unit a batch (or any window of events) keeps one row for.
 */
final class IngestRows {

    private IngestRows() {}

    /** upsert-namespaces. */
    record Namespaces(List<String> names) {}

    /** archive-events: each event verbatim, its properties set on the {@code (:Event)} node as they are. */
    record ArchivedEventRow(String id, ArchivedEvent properties) {}

    record ArchivedEvent(
            String kind,
            String eventType,
            OffsetDateTime eventTime,
            RunId runId,
            @Unwrapped("job") JobKey job,
            String producer,
            byte[] jsonGzip) {}

    /**
     * A facet as stored on its node: its properties (free-form, from the facet's JSON) with the JSON itself and the
     * version that guards it.
     */
    record FacetRow(String name, String version, Map<String, Object> properties) {}

    /** upsert-jobs ({@link JobKey}) and upsert-datasets ({@link DatasetKey}): the newest facet per name. */
    record EntityRow<K extends Record>(
            @Unwrapped K key,
            String searchText,
            OffsetDateTime firstSeen,
            OffsetDateTime lastSeen,
            List<FacetRow> facets) {}

    /** upsert-schemas: one row per dataset and schema; {@code index} names it in the statement's answer. */
    record SchemaRow(
            @Unwrapped SchemaVersionKey key,
            int index,
            String fieldsJson,
            OffsetDateTime firstSeen,
            OffsetDateTime lastSeen,
            String version) {}

    /** upsert-fields: a schema's fields, for the schemas upsert-schemas returned. */
    record SchemaFieldsRow(@Unwrapped SchemaVersionKey key, OffsetDateTime time, List<FieldRow> fields) {}

    record FieldRow(
            int position,
            String path,
            String name,
            String parentPath,
            int ordinal,
            int depth,
            String type,
            String description,
            String searchText) {}

    /** upsert-runs: one row per event (the statement settles a run's rows against each other). */
    record RunRow(
            RunId runId,
            @Unwrapped("job") JobKey job,
            OffsetDateTime time,
            String eventType,
            String terminalState,
            String terminalVersion,
            List<FacetRow> facets) {}

    /** link-run-parents: one row per event with a parent facet. */
    record RunParentRow(
            RunId runId,
            RunId parentRunId,
            @Unwrapped("parentJob") JobKey parentJob,
            RunId rootRunId,
            OffsetDateTime time) {}

    /** The edge between a run and a dataset it read or wrote. */
    record RunDatasetKey(RunId runId, @Unwrapped DatasetKey dataset) {}

    /**
     * link-run-inputs and link-run-outputs: the newest statistics reported, with the version that guards them; the
     * newest schema hash and {@code datasetVersion} facet value the run reported for the dataset, each with its own
     * guard (null when the run never sent one).
     */
    record RunDatasetRow(
            @Unwrapped RunDatasetKey key,
            OffsetDateTime firstSeen,
            OffsetDateTime lastSeen,
            StatisticsRow statistics,
            String version,
            String schemaHash,
            String schemaHashVersion,
            String datasetVersion,
            String datasetVersionVersion) {}

    /** Set on the edge as they are: a null value removes what an older report set. */
    record StatisticsRow(Long rowCount, Long bytes, Long fileCount, String statisticsVersion) {}

    /** The edge between a job and a dataset it reads or writes. */
    record JobDatasetKey(
            @Unwrapped("job") JobKey job, @Unwrapped DatasetKey dataset) {}

    /** link-job-inputs and link-job-outputs. */
    record JobDatasetRow(@Unwrapped JobDatasetKey key, OffsetDateTime firstSeen, OffsetDateTime lastSeen) {}

    /**
     * upsert-column-lineage-versions: {@code settledEligible} when the batch has no other version for the dataset.
     */
    record LineageVersionRow(
            @Unwrapped LineageVersionKey key,
            @Unwrapped("job") JobKey job,
            OffsetDateTime firstSeen,
            OffsetDateTime lastSeen,
            String version,
            int index,
            boolean settledEligible) {}

    /** One FEEDS edge (input field to output field, per transformation) as one columnLineage facet reports it. */
    record ColumnLineageKey(
            @Unwrapped("input") FieldKey input,
            @Unwrapped("output") FieldKey output,
            String type,
            String subtypeKey,
            String hash) {

        /** The ColumnLineageVersion that reports it. */
        LineageVersionKey version() {
            return new LineageVersionKey(output.datasetKey(), hash);
        }
    }

    /** column-lineage-changes: only what the check reads; the whole row goes only for the edges that change. */
    record ColumnLineageCheck(int index, @Unwrapped ColumnLineageKey key, OffsetDateTime time) {}

    /** upsert-column-lineage, at the earliest time the batch reported the edge. */
    record ColumnLineageRow(
            int index,
            @Unwrapped ColumnLineageKey key,
            OffsetDateTime time,
            String inputSearchText,
            String outputSearchText,
            String description,
            Boolean masking,
            @Unwrapped("job") JobKey job) {

        ColumnLineageCheck check() {
            return new ColumnLineageCheck(index, key, time);
        }
    }

    /** upsert-run-definitions: per run, the newest value of each job facet that defines a job version. */
    record RunDefinitionKey(RunId runId, String name) {}

    record RunDefinitionRow(@Unwrapped RunDefinitionKey key, String value, String version) {}

    /** run-versions: a run of the batch, whose job version is settled again from what the graph holds of it. */
    record RunRef(RunId runId) {}

    /** link-job-versions: the version a terminal run belongs to, and what defines it. */
    record JobVersionRow(RunId runId, @Unwrapped("job") JobKey job, String hash, JobDefinition definition) {}

    /** What a job version is the hash of: its datasets (sorted by key) and its defining job facets. */
    record JobDefinition(
            List<String> inputNamespaces,
            List<String> inputNames,
            List<String> outputNamespaces,
            List<String> outputNames,
            String sql,
            String sourceCodeLocation,
            String jobType) {}

    /** settle-current-lineage: a job of the batch, whose edges are marked current or history again. */
    record JobRef(@Unwrapped JobKey job) {}

    /** A jobDependencies edge: {@code downstream} depends on {@code upstream} (control flow, not data flow). */
    record JobDependencyKey(
            @Unwrapped("downstream") JobKey downstream,
            @Unwrapped("upstream") JobKey upstream) {}

    /** link-job-dependencies: the rules of the newest report ({@code version}) of the edge. */
    record JobDependencyRow(
            @Unwrapped JobDependencyKey key,
            OffsetDateTime firstSeen,
            OffsetDateTime lastSeen,
            String version,
            String dependencyType,
            String sequenceTriggerRule,
            String statusTriggerRule) {}

    /** link-symlinks. */
    record SymlinkRow(
            @Unwrapped DatasetKey dataset,
            @Unwrapped("alias") DatasetKey alias,
            String type) {}

    /** upsert-quality: one row per event, run and dataset; each part kept from the newest event carrying it. */
    record QualityRow(
            RunId runId,
            @Unwrapped DatasetKey dataset,
            OffsetDateTime time,
            String version,
            QualityMetrics metrics,
            QualityAssertions assertions) {}

    record QualityMetrics(Long rowCount, Long bytes, String columnMetrics, String metricsVersion) {}

    record QualityAssertions(String assertions, long passed, long failed, String assertionsVersion) {}
}
