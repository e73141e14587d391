package io.tributary.marquez;

import java.util.List;

/**
 * Marquez's {@code LineageGraph}: every node with its data and the edges into and out of it, which is how Marquez's
 * UI draws the graph.
 *
 * @param graph the nodes, the start node first
 */
record Graph(List<Node> graph) {

    /** A dataset, job or (in column lineage) dataset field. */
    record Node(String id, String type, Object data, List<Edge> inEdges, List<Edge> outEdges) {}

    /** An edge in the direction data flows. */
    record Edge(String origin, String destination) {}

    /** The data of a {@code DATASET_FIELD} node: the field and the fields it is derived from. */
    record FieldData(
            String namespace,
            String dataset,
            String datasetVersion,
            String field,
            String fieldType,
            String transformationDescription,
            String transformationType,
            List<InputField> inputFields) {}

    /** A field another is derived from, and how. */
    record InputField(
            String namespace,
            String dataset,
            String datasetVersion,
            String field,
            String transformationDescription,
            String transformationType) {}
}
