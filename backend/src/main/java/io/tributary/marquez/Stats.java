package io.tributary.marquez;

import java.time.OffsetDateTime;

/** The {@code /stats} answers Marquez's UI charts. */
final class Stats {

    private Stats() {}

    /** Run events of one interval by type ({@code /stats/lineage-events}). */
    record LineageMetric(
            OffsetDateTime startInterval,
            OffsetDateTime endInterval,
            long fail,
            long start,
            long complete,
            long abort) {}

    /** How many jobs, datasets or sources existed by the end of one interval ({@code /stats/jobs} ...). */
    record IntervalMetric(OffsetDateTime startInterval, OffsetDateTime endInterval, long count) {}
}
