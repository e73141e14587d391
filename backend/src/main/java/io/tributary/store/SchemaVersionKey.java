package io.tributary.store;

/** A {@code (:SchemaVersion)} node's identity: one distinct schema of a dataset, by the hash of its fields. */
public record SchemaVersionKey(@Unwrapped DatasetKey dataset, String hash) {}
