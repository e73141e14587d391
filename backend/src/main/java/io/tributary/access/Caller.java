package io.tributary.access;

/**
 * What the sender of a request may do, judged by the key it presented (see {@link ApiKeys#caller}).
 *
 * @param presentedKey whether the request carried a bearer key at all (tells "send a key" from "not valid")
 * @param mayRead reads are open, or the key is the read key
 * @param mayWrite the key is an ingest (write) key
 * @param currentWriteKey the key is a write key without a deadline (not one kept valid only for a grace period after
 *     a rotation), which alone may rotate the keys
 */
record Caller(boolean presentedKey, boolean mayRead, boolean mayWrite, boolean currentWriteKey) {}
