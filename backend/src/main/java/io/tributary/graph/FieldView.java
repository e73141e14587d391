package io.tributary.graph;

/** A column of a dataset's current schema. */
public record FieldView(String name, String type, String description, String parent) {}
