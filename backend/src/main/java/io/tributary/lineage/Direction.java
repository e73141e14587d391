package io.tributary.lineage;

/** Which way to walk: edges point the way data flows, so downstream follows outgoing edges. */
enum Direction {
    UPSTREAM,
    DOWNSTREAM,
    BOTH
}
