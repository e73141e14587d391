package io.tributary.lineage;

import java.util.List;

/**
 * The GraphQL {@code ImpactReport}: what is downstream of a node, and who owns it.
 *
 * @param owners every owner named on an impacted node, once each, sorted: whom to tell
 */
public record ImpactReport(
        List<Node> datasets, List<Node> jobs, List<Node> columns, List<String> owners, boolean truncated) {

    /**
     * An impacted dataset, job or column; {@code field} is set for columns only; {@code otherNames} are the dataset's
     * other names (symlinks) it was reached under as one node.
     */
    public record Node(
            String id,
            NodeKind kind,
            String namespace,
            String name,
            String field,
            int distance,
            List<String> owners,
            List<DatasetName> otherNames) {

        public Node(
                String id,
                NodeKind kind,
                String namespace,
                String name,
                String field,
                int distance,
                List<String> owners) {
            this(id, kind, namespace, name, field, distance, owners, List.of());
        }
    }
}
