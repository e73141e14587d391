package io.tributary.store;

import java.util.List;

/**
 * The parameters of a batched statement, {@code UNWIND $batch.rows AS row}: one typed record per row.
 *
 * <p>The rows travel inside a map, not as a list parameter: Neo4j keys its plan cache on each list parameter's size
 * (bucketed by powers of ten), so every window of a new size planned each statement again, 0.1–0.7 s of CPU each and
 * about 30% of the service's CPU under ingest, more than running the statements. A map's contents are not in the key:
 * one plan per statement. The statements seek their nodes by key whatever the planner assumes of the size
 * ({@code KeyedPlansTest}).
 */
public record Batch(Rows batch) {

    public Batch(List<? extends Record> rows) {
        this(new Rows(rows));
    }

    public record Rows(List<? extends Record> rows) {}
}
