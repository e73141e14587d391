package io.tributary.marquez;

import java.time.OffsetDateTime;
import java.util.List;

/** Marquez's {@code UpstreamRunLineage}: the runs upstream of a run, the selected run first, nearest first. */
record RunLineage(List<UpstreamRun> runs) {

    /** A run, its job version, and the dataset versions it read whose writers are known. */
    record UpstreamRun(JobSummary job, RunSummary run, List<InputVersion> inputs) {}

    record JobSummary(String namespace, String name, String version) {}

    record RunSummary(String id, OffsetDateTime start, OffsetDateTime end, String status) {}

    /** A dataset version read, by the id of the run that produced it (which is also the version's id). */
    record InputVersion(String namespace, String name, String version, String producedByRunId) {}
}
