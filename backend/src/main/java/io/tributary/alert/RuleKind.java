package io.tributary.alert;

/**
 * What an alert rule watches. Each kind is one {@link Check}; a new kind is a new constant and a new {@code Check} bean,
 * nothing else.
 */
public enum RuleKind {
    /** The newest ended run of a job FAILED or was ABORTED; resolved by its next completed run. */
    JOB_FAILED(true),
    /** A job's newest completed run took more than 3 standard deviations from its mean (the Issues rule). */
    DURATION_ANOMALY(true),
    /** A dataset's newest quality check had a failed assertion; resolved by a check that passes. */
    QUALITY_FAILED(true),
    /** A dataset metric (row count, bytes, files, or a column metric) of the newest write or check is out of range. */
    METRIC_OUT_OF_RANGE(false),
    /** A dataset was not written within a period, or by a time of day; checked on a schedule. */
    FRESHNESS(false),
    /** A dataset's schema removed or retyped fields that downstream columns are derived from. */
    SCHEMA_CHANGE(true),
    /**
     * A job's current version no longer reads or writes a dataset that its version before did; resolved when the job
     * reads or writes it again.
     */
    LINEAGE_DROPPED(true);

    private final boolean builtIn;

    RuleKind(boolean builtIn) {
        this.builtIn = builtIn;
    }

    /** Whether the kind needs no parameters, so that the zero-config webhook gets it. */
    boolean builtIn() {
        return builtIn;
    }
}
