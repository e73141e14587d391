package io.tributary.lineage.index;

/** What lineage shows on a node besides its key and owners: documentation, job type, and a job's latest run. */
public record NodeDetails(
        String description, String jobType, String integration, String latestRunId, String latestRunState) {}
