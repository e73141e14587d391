package io.tributary.store;

/**
 * A {@code (:ColumnLineageVersion)} node's identity: one distinct columnLineage facet a job sent for an output dataset,
 * by its hash (which covers the job and every entry).
 */
public record LineageVersionKey(@Unwrapped DatasetKey dataset, String hash) {}
