package io.tributary.issues;

import io.tributary.store.JobKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Issues page: failed runs, duration outliers and failed quality assertions. */
@Controller
class IssuesController {

    private final IssueFinder finder;
    private final IssueReports reports;

    IssuesController(IssueFinder finder, IssueReports reports) {
        this.finder = finder;
        this.reports = reports;
    }

    @QueryMapping
    List<Issue> issues(
            @Argument OffsetDateTime since, @Argument List<String> kinds, @Argument JobKey job, @Argument int first) {
        if (first < 1 || first > 1000) {
            throw new IllegalArgumentException("first must be between 1 and 1000");
        }
        OffsetDateTime from =
                since != null ? since : OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(7));
        List<String> wanted =
                kinds == null || kinds.isEmpty() ? List.of("JOB_EXECUTION", "JOB_DURATION", "DATA_QUALITY") : kinds;
        var found = new ArrayList<IssueFinder.Found>();
        if (wanted.contains("JOB_EXECUTION")) {
            found.addAll(finder.failedRuns(from, job, first));
        }
        if (wanted.contains("JOB_DURATION")) {
            found.addAll(finder.durationOutliers(from, job, first));
        }
        if (wanted.contains("DATA_QUALITY")) {
            found.addAll(finder.failedQualityChecks(from, job, first));
        }
        found.sort(Comparator.comparing(IssueFinder.Found::time).reversed().thenComparing(IssueFinder.Found::runId));
        List<IssueFinder.Found> page = found.stream().limit(first).toList();
        return reports.resolve(page);
    }
}
