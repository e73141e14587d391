package io.tributary.lineage;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The parameters of a one-level expansion statement: the frontier's node ids, ids whose edges are left out, the row
 * cap, the past time of an as-of walk (null for the current graph), and the start of a window on the current graph
 * (null: the jobs' current versions only).
 */
record Expansion(
        List<String> frontier, Collection<String> exclude, int limit, OffsetDateTime asOf, OffsetDateTime since) {}
