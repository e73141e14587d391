package io.tributary.namespace;

/** A namespace: a job namespace, a data source, or both. */
record Namespace(String name) {}
