package io.tributary.live;

import io.tributary.event.LineageEvent;
import io.tributary.event.LineageEvent.DatasetInfo;
import io.tributary.store.DatasetKey;
import io.tributary.store.JobKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch of committed events may have changed, read from the events alone: which runs, jobs, quality checks and
 * edges to look up in the graph. Every value there is settled by the graph's own rules, whatever order events came in,
 * so updates are read back from it rather than taken from the events.
 *
 * @param runs every run an event was about, each once
 * @param failed runs a FAIL event was about
 * @param completed runs a COMPLETE event was about
 * @param failedChecks quality checks (run and dataset) reported with a failed assertion
 * @param passedChecks quality checks reported with assertions that all passed
 * @param jobs jobs whose runs had events that set a state (START, COMPLETE, FAIL, ABORT), with the newest one's time
 * @param edges job-dataset edges the events reported, with the earliest time each was reported
 * @param since the earliest event time of the batch
 */
record CommittedBatch(
        Set<String> runs,
        Set<String> failed,
        Set<String> completed,
        Set<Check> failedChecks,
        Set<Check> passedChecks,
        Map<JobKey, OffsetDateTime> jobs,
        Map<Edge, OffsetDateTime> edges,
        OffsetDateTime since) {

    /** The quality check of one run on one dataset. */
    record Check(String runId, String namespace, String dataset) {}

    /** An edge between a job and a dataset: the job reads it ({@code input}) or writes it. */
    record Edge(JobKey job, DatasetKey dataset, boolean input) {}

    private static final Set<String> STATE_CHANGES = Set.of("START", "COMPLETE", "FAIL", "ABORT");

    static CommittedBatch of(List<LineageEvent> events) {
        var runs = new LinkedHashSet<String>();
        var failed = new LinkedHashSet<String>();
        var completed = new LinkedHashSet<String>();
        var failedChecks = new LinkedHashSet<Check>();
        var passedChecks = new LinkedHashSet<Check>();
        var jobs = new LinkedHashMap<JobKey, OffsetDateTime>();
        var edges = new LinkedHashMap<Edge, OffsetDateTime>();
        OffsetDateTime since = null;
        for (LineageEvent e : events) {
            OffsetDateTime time = e.eventTime();
            since = since == null || time.isBefore(since) ? time : since;
            if (e.job() == null) {
                continue;
            }
            JobKey job = new JobKey(e.job().namespace(), e.job().name());
            if (e.runId() != null) {
                String runId = e.runId().toString();
                runs.add(runId);
                if (STATE_CHANGES.contains(e.eventType())) {
                    jobs.merge(job, time, (a, b) -> a.isAfter(b) ? a : b);
                }
                if ("FAIL".equals(e.eventType())) {
                    failed.add(runId);
                } else if ("COMPLETE".equals(e.eventType())) {
                    completed.add(runId);
                }
                for (DatasetInfo d : datasets(e)) {
                    if (d.quality() != null && !d.quality().assertions().isEmpty()) {
                        var check = new Check(runId, d.namespace(), d.name());
                        boolean allPassed = d.quality().assertions().stream().allMatch(LineageEvent.Assertion::success);
                        (allPassed ? passedChecks : failedChecks).add(check);
                    }
                }
            }
            for (DatasetInfo d : e.inputs()) {
                edges.merge(
                        new Edge(job, new DatasetKey(d.namespace(), d.name()), true), time, CommittedBatch::earlier);
            }
            for (DatasetInfo d : e.outputs()) {
                edges.merge(
                        new Edge(job, new DatasetKey(d.namespace(), d.name()), false), time, CommittedBatch::earlier);
            }
        }
        return new CommittedBatch(runs, failed, completed, failedChecks, passedChecks, jobs, edges, since);
    }

    private static List<DatasetInfo> datasets(LineageEvent e) {
        var all = new ArrayList<DatasetInfo>(e.inputs());
        all.addAll(e.outputs());
        return all;
    }

    private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
