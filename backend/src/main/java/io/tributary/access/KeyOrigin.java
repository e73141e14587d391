package io.tributary.access;

/** Where a write key comes from (GraphQL {@code ApiKeyOrigin}). */
enum KeyOrigin {
    /** {@code TRIBUTARY_API_KEY}. */
    ENVIRONMENT,
    /** {@code TRIBUTARY_API_KEY_PREVIOUS}. */
    ENVIRONMENT_PREVIOUS,
    /** Generated at first start into the data directory. */
    GENERATED,
    /** Issued by {@code rotateApiKey}. */
    ROTATED
}
