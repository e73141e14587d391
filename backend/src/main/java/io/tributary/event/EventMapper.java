package io.tributary.event;

import static io.tributary.event.Json.text;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Maps a validated event tree to the {@link LineageEvent} model. */
final class EventMapper {

    private EventMapper() {}

    static LineageEvent map(
            LineageEvent.Kind kind, JsonNode event, UUID runId, OffsetDateTime eventTime, String id, String json) {
        LineageEvent.RunInfo run = null;
        if (kind == LineageEvent.Kind.RUN) {
            JsonNode facets = event.path("run").path("facets");
            run = new LineageEvent.RunInfo(
                    runId,
                    parent(facets.get("parent")),
                    FacetMapper.runFacets(facets),
                    FacetMapper.dependencies(facets.get("jobDependencies")));
        }
        LineageEvent.JobInfo job = null;
        if (kind != LineageEvent.Kind.DATASET) {
            JsonNode node = event.path("job");
            job = new LineageEvent.JobInfo(
                    text(node, "namespace"), text(node, "name"), FacetMapper.jobFacets(node.path("facets")));
        }
        List<LineageEvent.DatasetInfo> inputs = datasets(event.path("inputs"), true);
        List<LineageEvent.DatasetInfo> outputs = kind == LineageEvent.Kind.DATASET
                ? List.of(DatasetMapper.map(event.path("dataset"), false))
                : datasets(event.path("outputs"), false);
        return new LineageEvent(
                id,
                kind,
                text(event, "eventType"),
                eventTime,
                text(event, "producer"),
                text(event, "schemaURL"),
                run,
                job,
                inputs,
                outputs,
                json);
    }

    private static List<LineageEvent.DatasetInfo> datasets(JsonNode list, boolean input) {
        var datasets = new ArrayList<LineageEvent.DatasetInfo>();
        for (JsonNode dataset : list) {
            datasets.add(DatasetMapper.map(dataset, input));
        }
        return datasets;
    }

    private static LineageEvent.ParentRef parent(JsonNode parent) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        UUID parentRunId = Json.uuid(text(parent.path("run"), "runId"));
        if (parentRunId == null) {
            return null;
        }
        JsonNode root = parent.path("root");
        return new LineageEvent.ParentRef(
                parentRunId,
                text(parent.path("job"), "namespace"),
                text(parent.path("job"), "name"),
                Json.uuid(text(root.path("run"), "runId")),
                text(root.path("job"), "namespace"),
                text(root.path("job"), "name"));
    }
}
