package io.tributary.job;

import java.util.List;

/**
 * Statistics of run durations in milliseconds. Percentiles are exact nearest-rank values (the smallest observed
 * duration that at least p% of runs did not exceed); the standard deviation is the sample one (n - 1), 0 for one run.
 * Every statistic but the count is null when there are no runs.
 */
record DurationStats(int count, Double mean, Long p50, Long p95, Double stddev, Long min, Long max) {

    static DurationStats of(List<Long> durations) {
        int n = durations.size();
        if (n == 0) {
            return new DurationStats(0, null, null, null, null, null, null);
        }
        List<Long> sorted = durations.stream().sorted().toList();
        double mean = sorted.stream().mapToLong(Long::longValue).sum() / (double) n;
        double squares =
                sorted.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
        return new DurationStats(
                n,
                mean,
                nearestRank(sorted, 50),
                nearestRank(sorted, 95),
                n == 1 ? 0.0 : Math.sqrt(squares / (n - 1)),
                sorted.getFirst(),
                sorted.getLast());
    }

    /** The value at rank ceil(p/100 * n), 1-based, of the ascending list; integer arithmetic keeps it exact. */
    private static long nearestRank(List<Long> sorted, int percent) {
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
