package io.tributary.compare;

import io.tributary.archive.ArchivedJson;
import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import io.tributary.problem.NotFoundException;
import io.tributary.store.GraphStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** compareRuns: the differences between two runs, from what each run itself reported. */
@Controller
class CompareController {

    /** A run with more events than this is compared on its first ones; no real run comes close. */
    private static final int MAX_EVENTS_PER_RUN = 1000;

    private final GraphStore store;
    private final EntityLookup lookup;
    private final JsonMapper json;

    CompareController(GraphStore store, EntityLookup lookup, JsonMapper json) {
        this.store = store;
        this.lookup = lookup;
        this.json = json;
    }

    @QueryMapping
    RunComparison compareRuns(@Argument String a, @Argument String b) {
        Map<String, RunView> runs = lookup.runs(List.of(a, b));
        for (String id : List.of(a, b)) {
            if (!runs.containsKey(id)) {
                throw new NotFoundException("No run " + id);
            }
        }
        RunView runA = runs.get(a);
        RunView runB = runs.get(b);
        RunSnapshot snapA = snapshot(a);
        RunSnapshot snapB = snapshot(b);

        Set<Map<String, Object>> keys = new LinkedHashSet<>();
        keys.addAll(snapA.inputs().keySet());
        keys.addAll(snapA.outputs().keySet());
        keys.addAll(snapB.inputs().keySet());
        keys.addAll(snapB.outputs().keySet());
        Map<Map<String, Object>, DatasetView> datasets = lookup.datasets(keys);

        var changes = new ArrayList<RunComparison.SchemaChange>();
        for (Map<String, Object> key : keys) {
            Map<String, String> before = schema(snapA, key);
            Map<String, String> after = schema(snapB, key);
            if (before != null && after != null && datasets.containsKey(key)) {
                var change = RunComparison.SchemaChange.between(datasets.get(key), before, after);
                if (!change.isEmpty()) {
                    changes.add(change);
                }
            }
        }
        return new RunComparison(
                runA,
                runB,
                runA.jobNamespace().equals(runB.jobNamespace())
                        && runA.jobName().equals(runB.jobName()),
                runA.durationMs() == null || runB.durationMs() == null ? null : runB.durationMs() - runA.durationMs(),
                !Objects.equals(normalize(snapA.sql()), normalize(snapB.sql())),
                snapA.sql(),
                snapB.sql(),
                difference(snapB.inputs().keySet(), snapA.inputs().keySet(), datasets),
                difference(snapA.inputs().keySet(), snapB.inputs().keySet(), datasets),
                difference(snapB.outputs().keySet(), snapA.outputs().keySet(), datasets),
                difference(snapA.outputs().keySet(), snapB.outputs().keySet(), datasets),
                changes);
    }

    private RunSnapshot snapshot(String runId) {
        List<JsonNode> events = store.read(
                "read/compare/run-events",
                Map.of("runId", runId, "limit", MAX_EVENTS_PER_RUN),
                result -> result.list(r -> json.readTree(ArchivedJson.of(r))));
        return RunSnapshot.fold(events);
    }

    private static Map<String, String> schema(RunSnapshot snapshot, Map<String, Object> key) {
        Map<String, String> schema = snapshot.outputs().get(key);
        return schema != null ? schema : snapshot.inputs().get(key);
    }

    private static List<DatasetView> difference(
            Set<Map<String, Object>> these,
            Set<Map<String, Object>> without,
            Map<Map<String, Object>, DatasetView> all) {
        var result = new HashSet<>(these);
        result.removeAll(without);
        return these.stream()
                .filter(result::contains)
                .map(all::get)
                .filter(Objects::nonNull)
                .toList();
    }

    /** SQL compared without differences in whitespace, which producers reformat freely. */
    private static String normalize(String sql) {
        return sql == null ? null : sql.strip().replaceAll("\\s+", " ");
    }
}
