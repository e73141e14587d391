package io.tributary.marquez;

/** Marquez's {@code DatasetId} (also the shape of its {@code JobId}). */
record DatasetId(String namespace, String name) {}
