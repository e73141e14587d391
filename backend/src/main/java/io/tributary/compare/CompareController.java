package io.tributary.compare;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import io.tributary.problem.NotFoundException;
import io.tributary.store.DatasetKey;
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

/** compareRuns: the differences between two runs, from what each run itself reported. */
@Controller
class CompareController {

    private final RunSnapshots snapshots;
    private final EntityLookup lookup;

    CompareController(RunSnapshots snapshots, EntityLookup lookup) {
        this.snapshots = snapshots;
        this.lookup = lookup;
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
        RunSnapshot snapA = snapshots.of(a);
        RunSnapshot snapB = snapshots.of(b);
        if (snapA == null || snapB == null) {
            throw new NotFoundException("No run " + (snapA == null ? a : b));
        }

        Set<DatasetKey> keys = new LinkedHashSet<>();
        keys.addAll(snapA.inputs().keySet());
        keys.addAll(snapA.outputs().keySet());
        keys.addAll(snapB.inputs().keySet());
        keys.addAll(snapB.outputs().keySet());
        Map<DatasetKey, DatasetView> datasets = lookup.datasets(keys);

        var changes = new ArrayList<RunComparison.SchemaChange>();
        for (DatasetKey key : keys) {
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
                changes,
                unavailable(List.of(Map.entry(a, snapA), Map.entry(b, snapB)), datasets));
    }

    /** Per purged run: its events, and each dataset whose schema as that run reported it is not kept. */
    private static List<RunComparison.Unavailable> unavailable(
            List<Map.Entry<String, RunSnapshot>> runs, Map<DatasetKey, DatasetView> datasets) {
        var gone = new ArrayList<RunComparison.Unavailable>();
        for (var run : runs) {
            RunSnapshot snapshot = run.getValue();
            if (!snapshot.eventsPurged()) {
                continue;
            }
            gone.add(new RunComparison.Unavailable(run.getKey(), RunComparison.Part.EVENTS, null));
            var keys = new LinkedHashSet<DatasetKey>(snapshot.inputs().keySet());
            keys.addAll(snapshot.outputs().keySet());
            for (DatasetKey key : keys) {
                if (schema(snapshot, key) == null && datasets.containsKey(key)) {
                    gone.add(new RunComparison.Unavailable(run.getKey(), RunComparison.Part.SCHEMA, datasets.get(key)));
                }
            }
        }
        return gone;
    }

    private static Map<String, String> schema(RunSnapshot snapshot, DatasetKey key) {
        Map<String, String> schema = snapshot.outputs().get(key);
        return schema != null ? schema : snapshot.inputs().get(key);
    }

    private static List<DatasetView> difference(
            Set<DatasetKey> these, Set<DatasetKey> without, Map<DatasetKey, DatasetView> all) {
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
