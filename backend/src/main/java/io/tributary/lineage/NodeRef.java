package io.tributary.lineage;

/**
 * The GraphQL {@code NodeRef} input: a dataset or job by (namespace, name), or a field by its dataset plus the field
 * path.
 */
public record NodeRef(NodeKind kind, String namespace, String name, String field) {

    /**
     * Refuses a field on a dataset or job, and a field reference without one, rather than guessing. Not done in the
     * constructor: argument binding would wrap the exception and hide the message from the client.
     */
    NodeRef validated() {
        if (kind == null || namespace == null || name == null) {
            throw new IllegalArgumentException("node needs kind, namespace and name");
        }
        if (kind == NodeKind.FIELD && (field == null || field.isBlank())) {
            throw new IllegalArgumentException("node.field is required when node.kind is FIELD");
        }
        if (kind != NodeKind.FIELD && field != null) {
            throw new IllegalArgumentException("node.field is only allowed when node.kind is FIELD");
        }
        return this;
    }

    @Override
    public String toString() {
        return kind + " " + namespace + " " + name + (field == null ? "" : " field " + field);
    }
}
