package io.tributary.store;

import java.util.List;

/** The parameters of a batched statement, {@code UNWIND $rows AS row}: one typed record per row. */
public record Batch(List<? extends Record> rows) {}
