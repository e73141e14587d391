package io.tributary.lineage;

/** The GraphQL {@code DatasetName}: another name of a dataset node (a symlink, or the name before a rename). */
public record DatasetName(String namespace, String name) {}
