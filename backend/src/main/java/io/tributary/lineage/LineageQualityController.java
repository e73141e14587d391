package io.tributary.lineage;

import io.tributary.store.GraphStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code LineageNode.latestQualityFailed}: one read for all the datasets of an answer (both walks of a request share
 * the batch). Kept apart from the traversal so that the walk's statements stay about the walk.
 */
@Controller
class LineageQualityController {

    private final GraphStore store;

    LineageQualityController(GraphStore store) {
        this.store = store;
    }

    @BatchMapping(typeName = "LineageNode")
    Map<LineageGraph.Node, Boolean> latestQualityFailed(List<LineageGraph.Node> nodes) {
        List<Map<String, Object>> keys = nodes.stream()
                .filter(n -> n.kind() == NodeKind.DATASET)
                .map(LineageQualityController::key)
                .distinct()
                .toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<Map<String, Object>, Boolean> failed =
                store.read("read/lineage/latest-quality", Map.of("keys", keys), result -> {
                    var byKey = new HashMap<Map<String, Object>, Boolean>();
                    result.forEachRemaining(r -> byKey.put(
                            Map.of(
                                    "namespace",
                                    r.get("namespace").asString(),
                                    "name",
                                    r.get("name").asString()),
                            r.get("failed").asBoolean()));
                    return byKey;
                });
        var answer = new HashMap<LineageGraph.Node, Boolean>();
        for (LineageGraph.Node node : nodes) {
            Boolean value = node.kind() == NodeKind.DATASET ? failed.get(key(node)) : null;
            if (value != null) {
                answer.put(node, value);
            }
        }
        return answer;
    }

    private static Map<String, Object> key(LineageGraph.Node node) {
        return Map.of("namespace", node.namespace(), "name", node.name());
    }
}
