package io.tributary.compare;

import io.tributary.entity.DatasetView;
import io.tributary.entity.RunView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The answer of compareRuns. */
record RunComparison(
        RunView a,
        RunView b,
        boolean sameJob,
        Long durationDeltaMs,
        boolean sqlChanged,
        String sqlA,
        String sqlB,
        List<DatasetView> inputsAdded,
        List<DatasetView> inputsRemoved,
        List<DatasetView> outputsAdded,
        List<DatasetView> outputsRemoved,
        List<SchemaChange> schemaChanges,
        List<Unavailable> unavailable) {

    /** What the comparison could not use for one run because it is no longer kept. */
    enum Part {
        /** The run's raw events were purged: the comparison used what the graph keeps of the run. */
        EVENTS,
        /** No schema of this dataset as the run reported it is kept: the dataset is left out of schemaChanges. */
        SCHEMA
    }

    record Unavailable(String run, Part what, DatasetView dataset) {}

    record ColumnType(String name, String type) {}

    record ColumnRetype(String name, String typeA, String typeB) {}

    record SchemaChange(
            DatasetView dataset, List<ColumnType> added, List<ColumnType> removed, List<ColumnRetype> retyped) {

        static SchemaChange between(DatasetView dataset, Map<String, String> a, Map<String, String> b) {
            var added = new ArrayList<ColumnType>();
            var removed = new ArrayList<ColumnType>();
            var retyped = new ArrayList<ColumnRetype>();
            b.forEach((name, type) -> {
                if (!a.containsKey(name)) {
                    added.add(new ColumnType(name, type));
                } else if (!Objects.equals(a.get(name), type)) {
                    retyped.add(new ColumnRetype(name, a.get(name), type));
                }
            });
            a.forEach((name, type) -> {
                if (!b.containsKey(name)) {
                    removed.add(new ColumnType(name, type));
                }
            });
            return new SchemaChange(dataset, added, removed, retyped);
        }

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && retyped.isEmpty();
        }
    }
}
