package io.tributary.lineage;

import java.util.List;

/** The GraphQL {@code ColumnLineageGraph}: fields linked by the derivations reported in columnLineage facets. */
public record ColumnLineageGraph(List<Node> nodes, List<Edge> edges, boolean truncated) {

    /**
     * A field (column) and its distance in derivation steps from the start fields; {@code otherNames} are the other
     * names (symlinks) of its dataset, whose same-named fields it stands for.
     */
    public record Node(
            String id,
            String namespace,
            String dataset,
            String field,
            String type,
            int distance,
            List<DatasetName> otherNames) {}

    /** One derivation of {@code to} from {@code from}; two fields may be linked by several. */
    public record Edge(String from, String to, Transformation transformation) {}

    /** How the output field was derived, as the producer reported it. */
    public record Transformation(String type, String subtype, String description, Boolean masking) {}
}
