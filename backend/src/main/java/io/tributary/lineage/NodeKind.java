package io.tributary.lineage;

/** What a lineage node is; the GraphQL enum of the same name. */
public enum NodeKind {
    DATASET,
    JOB,
    FIELD
}
