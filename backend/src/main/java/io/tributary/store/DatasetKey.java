package io.tributary.store;

/** A {@code (:Dataset)} node's identity (its uniqueness constraint). */
public record DatasetKey(String namespace, String name) {}
