package io.tributary.store;

/** A {@code (:Job)} node's identity (its uniqueness constraint). */
public record JobKey(String namespace, String name) {}
