package io.tributary.marquez;

/** Marquez's {@code limit} and {@code offset}, checked: a page of at most {@link #MAX_LIMIT} items. */
record Paging(int limit, int offset) {

    static final int MAX_LIMIT = 10_000;

    static Paging of(int limit, int offset) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        return new Paging(limit, offset);
    }
}
