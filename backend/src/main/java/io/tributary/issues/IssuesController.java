package io.tributary.issues;

import io.tributary.entity.EntityLookup;
import io.tributary.store.JobKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Issues page: failed runs, duration outliers and failed quality assertions. */
@Controller
class IssuesController {

    private final IssueFinder finder;
    private final EntityLookup lookup;

    IssuesController(IssueFinder finder, EntityLookup lookup) {
        this.finder = finder;
        this.lookup = lookup;
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
        return resolve(page);
    }

    private List<Issue> resolve(List<IssueFinder.Found> page) {
        var runs = lookup.runs(page.stream().map(IssueFinder.Found::runId).collect(Collectors.toSet()));
        var jobs = lookup.jobs(page.stream().map(IssueFinder.Found::job).collect(Collectors.toSet()));
        var datasets = lookup.datasets(page.stream()
                .map(IssueFinder.Found::dataset)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return page.stream()
                .map(f -> new Issue(
                        f.kind(),
                        f.time(),
                        summary(f),
                        runs.get(f.runId()),
                        jobs.get(f.job()),
                        f.dataset() == null ? null : datasets.get(f.dataset()),
                        f.errorMessage(),
                        f.durationMs(),
                        f.mean(),
                        f.stddev(),
                        f.failedAssertions()))
                .toList();
    }

    private static String summary(IssueFinder.Found f) {
        return switch (f.kind()) {
            case "JOB_EXECUTION" ->
                f.jobName() + " failed" + (f.errorMessage() == null ? "" : ": " + firstLine(f.errorMessage()));
            case "JOB_DURATION" ->
                String.format(
                        Locale.ROOT,
                        "%s took %d ms; usually %.0f ms ± %.0f ms",
                        f.jobName(),
                        f.durationMs(),
                        f.mean(),
                        f.stddev());
            default ->
                f.failedAssertions().size() + " failed assertion(s) on " + f.datasetName() + ": "
                        + f.failedAssertions().stream()
                                .map(a -> a.column() == null ? a.assertion() : a.assertion() + "(" + a.column() + ")")
                                .collect(Collectors.joining(", "));
        };
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
