package io.tributary.store;

/** A {@code (:Field)} node's identity: a column (a nested one by its dotted path) of one dataset. */
public record FieldKey(String namespace, String dataset, String name) {

    public static FieldKey of(DatasetKey dataset, String name) {
        return new FieldKey(dataset.namespace(), dataset.name(), name);
    }

    public DatasetKey datasetKey() {
        return new DatasetKey(namespace, dataset);
    }
}
