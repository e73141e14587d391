package io.tributary.lineage;

import io.tributary.store.DatasetKey;
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

    private final LatestQuality quality;

    LineageQualityController(LatestQuality quality) {
        this.quality = quality;
    }

    @BatchMapping(typeName = "LineageNode")
    Map<LineageGraph.Node, Boolean> latestQualityFailed(List<LineageGraph.Node> nodes) {
        List<DatasetKey> keys = nodes.stream()
                .filter(n -> n.kind() == NodeKind.DATASET)
                .map(LineageQualityController::key)
                .distinct()
                .toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<DatasetKey, Boolean> failed = quality.failed(keys);
        var answer = new HashMap<LineageGraph.Node, Boolean>();
        for (LineageGraph.Node node : nodes) {
            Boolean value = node.kind() == NodeKind.DATASET ? failed.get(key(node)) : null;
            if (value != null) {
                answer.put(node, value);
            }
        }
        return answer;
    }

    private static DatasetKey key(LineageGraph.Node node) {
        return new DatasetKey(node.namespace(), node.name());
    }
}
