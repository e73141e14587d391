package io.tributary.job;

import io.tributary.entity.DatasetView;
import io.tributary.store.DatasetKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The GraphQL {@code JobVersionChanges}: what a version changed against the version before it.
 *
 * @param sqlDiff unified diff of the previous version's SQL to this one's, null when the SQL is unchanged
 */
record JobVersionChanges(
        String previousHash,
        List<DatasetView> inputsAdded,
        List<DatasetView> inputsRemoved,
        List<DatasetView> outputsAdded,
        List<DatasetView> outputsRemoved,
        boolean sqlChanged,
        String sqlDiff,
        boolean sourceCodeLocationChanged,
        boolean jobTypeChanged) {

    /** The changes from {@code previous} to {@code version}; null for a version without a predecessor. */
    static JobVersionChanges between(
            StoredVersion previous, StoredVersion version, Map<DatasetKey, DatasetView> datasets) {
        if (previous == null) {
            return null;
        }
        String diff = SqlDiff.unified(
                previous.sql(), "sql@" + shortHash(previous.hash()), version.sql(), "sql@" + shortHash(version.hash()));
        return new JobVersionChanges(
                previous.hash(),
                missing(version.inputs(), previous.inputs(), datasets),
                missing(previous.inputs(), version.inputs(), datasets),
                missing(version.outputs(), previous.outputs(), datasets),
                missing(previous.outputs(), version.outputs(), datasets),
                diff != null,
                diff,
                !Objects.equals(previous.sourceCodeLocation(), version.sourceCodeLocation()),
                !Objects.equals(previous.jobType(), version.jobType()));
    }

    /** The datasets of {@code these} that {@code others} lacks, in key order. */
    private static List<DatasetView> missing(
            List<DatasetKey> these, List<DatasetKey> others, Map<DatasetKey, DatasetView> datasets) {
        Set<DatasetKey> difference = new LinkedHashSet<>(these);
        others.forEach(difference::remove);
        return difference.stream().map(datasets::get).filter(Objects::nonNull).toList();
    }

    static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
