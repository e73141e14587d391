package io.tributary.marquez;

import io.tributary.lineage.ColumnLineageGraph;
import io.tributary.lineage.LineageGraph;
import io.tributary.lineage.NodeKind;
import io.tributary.lineage.NodeRef;
import io.tributary.lineage.Traversals;
import io.tributary.store.DatasetKey;
import io.tributary.store.JobKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Marquez's lineage graphs from Tributary's traversals (same walks, caps and deadline as GraphQL). Marquez counts a
 * lineage depth step from job to job, Tributary each dataset–job hop, so a Marquez depth of d walks 2d hops (capped at
 * {@link Traversals#MAX_DEPTH}); column lineage depth counts derivation steps in both.
 */
@Service
class MarquezLineage {

    /** A graph and whether a cap cut it. */
    record Answer(Graph graph, boolean truncated) {}

    private final Traversals traversals;
    private final MarquezRepository repository;

    MarquezLineage(Traversals traversals, MarquezRepository repository) {
        this.traversals = traversals;
        this.repository = repository;
    }

    Answer lineage(String nodeId, int depth, int maxNodes) {
        NodeRef start = MarquezNodeId.parse(nodeId);
        if (start.kind() == NodeKind.FIELD) {
            throw new IllegalArgumentException(
                    "node ID (" + nodeId + ") must be a dataset or job; fields have " + "/column-lineage");
        }
        LineageGraph walked = traversals.lineage(start, hops(depth), maxNodes);
        var datasetKeys = new ArrayList<DatasetKey>();
        var jobKeys = new ArrayList<JobKey>();
        var ids = new HashMap<String, String>();
        for (LineageGraph.Node node : walked.nodes()) {
            if (node.kind() == NodeKind.DATASET) {
                datasetKeys.add(new DatasetKey(node.namespace(), node.name()));
                ids.put(node.id(), MarquezNodeId.dataset(node.namespace(), node.name()));
            } else {
                jobKeys.add(new JobKey(node.namespace(), node.name()));
                ids.put(node.id(), MarquezNodeId.job(node.namespace(), node.name()));
            }
        }
        var data = new HashMap<String, Object>();
        repository.datasets(datasetKeys).forEach(d -> data.put(MarquezNodeId.dataset(d.namespace(), d.name()), d));
        repository.jobs(jobKeys, false).forEach(j -> data.put(MarquezNodeId.job(j.namespace(), j.name()), j));
        var edges = new Edges();
        walked.edges().forEach(e -> edges.add(ids.get(e.from()), ids.get(e.to())));
        var nodes = new ArrayList<Graph.Node>(walked.nodes().size());
        for (LineageGraph.Node node : walked.nodes()) {
            String id = ids.get(node.id());
            nodes.add(new Graph.Node(id, node.kind().name(), data.get(id), edges.into(id), edges.outOf(id)));
        }
        return new Answer(new Graph(nodes), walked.truncated());
    }

    Answer columnLineage(String nodeId, int depth, boolean withDownstream, int maxNodes) {
        NodeRef start = MarquezNodeId.parse(nodeId);
        if (start.kind() == NodeKind.JOB) {
            throw new IllegalArgumentException(
                    "node ID (" + nodeId + ") must be a dataset or a dataset field for column lineage");
        }
        ColumnLineageGraph walked = traversals.columnLineage(start, depth, withDownstream, maxNodes);
        var fields = new HashMap<String, ColumnLineageGraph.Node>();
        var ids = new HashMap<String, String>();
        for (ColumnLineageGraph.Node node : walked.nodes()) {
            fields.put(node.id(), node);
            ids.put(node.id(), MarquezNodeId.field(node.namespace(), node.dataset(), node.field()));
        }
        var edges = new Edges();
        var inputs = new LinkedHashMap<String, List<Graph.InputField>>();
        for (ColumnLineageGraph.Edge edge : walked.edges()) {
            String to = ids.get(edge.to());
            edges.add(ids.get(edge.from()), to);
            ColumnLineageGraph.Node from = fields.get(edge.from());
            inputs.computeIfAbsent(to, id -> new ArrayList<>())
                    .add(new Graph.InputField(
                            from.namespace(),
                            from.dataset(),
                            null,
                            from.field(),
                            edge.transformation().description(),
                            transformationType(edge.transformation())));
        }
        var nodes = new ArrayList<Graph.Node>(walked.nodes().size());
        for (ColumnLineageGraph.Node node : walked.nodes()) {
            String id = ids.get(node.id());
            List<Graph.InputField> in = inputs.getOrDefault(id, List.of());
            // Marquez puts the transformation of a single-input field on the field itself too.
            Graph.InputField only = in.size() == 1 ? in.getFirst() : null;
            var data = new Graph.FieldData(
                    node.namespace(),
                    node.dataset(),
                    null,
                    node.field(),
                    node.type(),
                    only == null ? null : only.transformationDescription(),
                    only == null ? null : only.transformationType(),
                    in);
            nodes.add(new Graph.Node(id, "DATASET_FIELD", data, edges.into(id), edges.outOf(id)));
        }
        return new Answer(new Graph(nodes), walked.truncated());
    }

    /** Marquez's depth in job-to-job steps as Tributary's hops. */
    private static int hops(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative, was " + depth);
        }
        return (int) Math.min((long) depth * 2, Traversals.MAX_DEPTH);
    }

    /** OpenLineage's transformation type and subtype as Marquez writes them ({@code DIRECT/IDENTITY}). */
    private static String transformationType(ColumnLineageGraph.Transformation t) {
        if (t.type() == null) {
            return null;
        }
        return t.subtype() == null ? t.type() : t.type() + "/" + t.subtype();
    }

    /** Each node's edges in and out, in the walk's order. */
    private static final class Edges {

        private final Map<String, List<Graph.Edge>> in = new HashMap<>();
        private final Map<String, List<Graph.Edge>> out = new HashMap<>();
        private final java.util.Set<Graph.Edge> seen = new java.util.HashSet<>();

        /** Two fields linked by several derivations share one edge. */
        void add(String origin, String destination) {
            var edge = new Graph.Edge(origin, destination);
            if (!seen.add(edge)) {
                return;
            }
            out.computeIfAbsent(origin, id -> new ArrayList<>()).add(edge);
            in.computeIfAbsent(destination, id -> new ArrayList<>()).add(edge);
        }

        List<Graph.Edge> into(String id) {
            return in.getOrDefault(id, List.of());
        }

        List<Graph.Edge> outOf(String id) {
            return out.getOrDefault(id, List.of());
        }
    }
}
