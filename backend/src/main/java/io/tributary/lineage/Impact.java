package io.tributary.lineage;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.lineage.ColumnHops.Field;
import io.tributary.lineage.DatasetHops.Details;
import io.tributary.lineage.DatasetHops.Node;
import io.tributary.store.DatasetKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Impact analysis: everything downstream of a node, with owners. Datasets and jobs come from the dataset walk
 * (distance in edges, as in lineage); columns from the column walk (distance in derivation steps) starting at the
 * dataset's current fields, the fields of the datasets a job writes (listed themselves, at distance 0: the job
 * produces them), or the field itself. The start node itself is not listed.
 */
@Service
public class Impact {

    private static final Comparator<ImpactReport.Node> ORDER = Comparator.comparingInt(ImpactReport.Node::distance)
            .thenComparing(ImpactReport.Node::kind)
            .thenComparing(ImpactReport.Node::namespace)
            .thenComparing(ImpactReport.Node::name)
            .thenComparing(n -> n.field() == null ? "" : n.field());

    private final DatasetWalks datasetWalks;
    private final ColumnLineage columnLineage;
    private final ColumnHops columnHops;
    private final EntityLookup lookup;
    private final LineageProperties properties;

    Impact(
            DatasetWalks datasetWalks,
            ColumnLineage columnLineage,
            ColumnHops columnHops,
            EntityLookup lookup,
            LineageProperties properties) {
        this.datasetWalks = datasetWalks;
        this.columnLineage = columnLineage;
        this.columnHops = columnHops;
        this.lookup = lookup;
        this.properties = properties;
    }

    /** {@code depth} null means as deep as allowed; a FIELD always yields columns only. */
    public ImpactReport impact(NodeRef ref, Integer depth, boolean includeColumns, int maxNodes) {
        return impact(ref, depth, includeColumns, maxNodes, Limits.MAX_NODES);
    }

    /** As above, with {@code maxNodes} allowed up to {@code cap} (the CSV export goes beyond the GraphQL cap). */
    ImpactReport impact(NodeRef ref, Integer depth, boolean includeColumns, int maxNodes, int cap) {
        ref.validated();
        Limits limits = Limits.of(depth == null ? Limits.MAX_DEPTH : depth, maxNodes, properties.deadline(), cap);
        var datasets = new ArrayList<ImpactReport.Node>();
        var jobs = new ArrayList<ImpactReport.Node>();
        var columns = new ArrayList<ImpactReport.Node>();
        boolean truncated = false;
        if (ref.kind() != NodeKind.FIELD) {
            DatasetWalks.Found found = datasetWalks.impact(ref, limits);
            truncated = found.walk().truncated();
            Map<String, Details> details = found.details();
            found.walk().nodes().forEach((elementId, reached) -> {
                if (reached.distance() == 0) {
                    return; // the start
                }
                Node n = reached.node();
                var node = new ImpactReport.Node(
                        n.id(),
                        n.kind(),
                        n.namespace(),
                        n.name(),
                        null,
                        reached.distance(),
                        details.getOrDefault(elementId, Details.NONE).owners(),
                        found.otherNames().getOrDefault(elementId, List.of()));
                (n.kind() == NodeKind.JOB ? jobs : datasets).add(node);
            });
        }
        if (ref.kind() == NodeKind.FIELD || includeColumns) {
            Map<String, Field> starts =
                    ref.kind() == NodeKind.JOB ? columnHops.outputFields(ref) : columnHops.start(ref, null);
            var walk = columnLineage.walk(starts, Direction.DOWNSTREAM, limits, null);
            truncated |= walk.truncated();
            int from = ref.kind() == NodeKind.JOB ? 0 : 1;
            List<Bfs.Reached<Field>> impacted = walk.nodes().values().stream()
                    .filter(reached -> reached.distance() >= from)
                    .toList();
            Map<DatasetKey, DatasetView> owners = lookup.datasets(
                    impacted.stream().map(r -> r.node().datasetKey()).distinct().toList());
            for (var reached : impacted) {
                Field f = reached.node();
                DatasetView dataset = owners.get(f.datasetKey());
                columns.add(new ImpactReport.Node(
                        f.id(),
                        NodeKind.FIELD,
                        f.namespace(),
                        f.dataset(),
                        f.field(),
                        reached.distance(),
                        dataset == null ? List.of() : dataset.owners()));
            }
        }
        // Owners repeat across nodes (a team owns many): collect distinct ones, sort those once.
        var everyOwner = new HashSet<String>();
        for (var list : List.of(datasets, jobs, columns)) {
            list.sort(ORDER);
            list.forEach(n -> everyOwner.addAll(n.owners()));
        }
        return new ImpactReport(
                datasets, jobs, columns, everyOwner.stream().sorted().toList(), truncated);
    }
}
