package io.tributary.issues;

import io.tributary.entity.EntityLookup;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Issues as the API reports them: found by {@link IssueFinder}, with their run, job and dataset resolved and a summary
 * for people. Serves the {@code issues} query and the live {@code issueOpened} subscription alike, so that both say
 * the same about the same run.
 */
@Component
public class IssueReports {

    /** Most issues of one kind read for one call of {@link #ofRuns}: a run has at most one per kind and dataset. */
    private static final int MOST_PER_KIND = 10_000;

    private final IssueFinder finder;
    private final EntityLookup lookup;

    IssueReports(IssueFinder finder, EntityLookup lookup) {
        this.finder = finder;
        this.lookup = lookup;
    }

    /**
     * Every issue these runs have, of the given kinds ({@code JOB_EXECUTION}, {@code JOB_DURATION},
     * {@code DATA_QUALITY}), at or after {@code since}, oldest first.
     */
    public List<Issue> ofRuns(Collection<String> runIds, Collection<String> kinds, OffsetDateTime since) {
        if (runIds.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        var found = new ArrayList<IssueFinder.Found>();
        if (kinds.contains("JOB_EXECUTION")) {
            found.addAll(finder.failedRuns(since, null, runIds, MOST_PER_KIND));
        }
        if (kinds.contains("JOB_DURATION")) {
            found.addAll(finder.durationOutliers(since, null, runIds, MOST_PER_KIND));
        }
        if (kinds.contains("DATA_QUALITY")) {
            found.addAll(finder.failedQualityChecks(since, null, runIds, MOST_PER_KIND));
        }
        found.sort(Comparator.comparing(IssueFinder.Found::time).thenComparing(IssueFinder.Found::runId));
        return resolve(found);
    }

    /** Resolves found issues' runs, jobs and datasets, one batch per kind of entity, in the order given. */
    List<Issue> resolve(List<IssueFinder.Found> page) {
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
