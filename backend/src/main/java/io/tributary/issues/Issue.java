package io.tributary.issues;

import io.tributary.entity.DatasetView;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import java.time.OffsetDateTime;
import java.util.List;

/** An issue as the API returns it, with its run, job and dataset already resolved (in one batch per kind). */
public record Issue(
        String kind,
        OffsetDateTime time,
        String summary,
        RunView run,
        JobView job,
        DatasetView dataset,
        String errorMessage,
        Long durationMs,
        Double meanDurationMs,
        Double stddevDurationMs,
        List<FailedAssertion> failedAssertions) {

    public record FailedAssertion(String assertion, String column) {}
}
