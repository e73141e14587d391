package io.tributary.alert;

import io.tributary.lineage.Impact;
import io.tributary.lineage.ImpactReport;
import io.tributary.lineage.NodeId;
import io.tributary.lineage.NodeKind;
import io.tributary.lineage.NodeRef;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The downstream impact of an incident's subject, from impact analysis ({@link Impact}: datasets and jobs with the
 * owners of their ownership facets), plus owners named by {@code owner:<name>} tags and, for a schema change, the
 * downstream columns the check found.
 */
@Component
class DownstreamImpact {

    private static final Logger log = LoggerFactory.getLogger(DownstreamImpact.class);
    private static final int MAX_NODES = 2_000;

    private final Impact impact;
    private final GraphStore store;

    DownstreamImpact(Impact impact, GraphStore store) {
        this.impact = impact;
        this.store = store;
    }

    ImpactSummary of(Signal signal) {
        ImpactReport report;
        try {
            report = impact.impact(
                    new NodeRef(
                            signal.subject().kind(),
                            signal.subject().namespace(),
                            signal.subject().name(),
                            null),
                    null,
                    false,
                    MAX_NODES);
        } catch (RuntimeException e) {
            // An alert without its impact is still worth sending.
            log.warn(
                    "Impact of {} not available for an alert: {}",
                    signal.subject().id(),
                    e.toString());
            return ImpactSummary.NONE;
        }
        List<ImpactReport.Node> columns = signal.affectedColumns().stream()
                .map(c -> new ImpactReport.Node(
                        NodeId.field(c.namespace(), c.dataset(), c.field()),
                        NodeKind.FIELD,
                        c.namespace(),
                        c.dataset(),
                        c.field(),
                        c.distance(),
                        List.of()))
                .distinct()
                .toList();
        Map<String, List<String>> tagOwners = tagOwners(Stream.of(report.datasets(), report.jobs(), columns)
                .flatMap(List::stream)
                .toList());
        Map<String, List<String>> datasetOwners = new HashMap<>();
        report.datasets().forEach(d -> datasetOwners.put(key("DATASET", d.namespace(), d.name()), d.owners()));
        List<ImpactSummary.Node> datasets = nodes(report.datasets(), tagOwners, Map.of());
        List<ImpactSummary.Node> jobs = nodes(report.jobs(), tagOwners, Map.of());
        List<ImpactSummary.Node> fields = nodes(columns, tagOwners, datasetOwners);
        return new ImpactSummary(
                datasets.size(),
                jobs.size(),
                fields.size(),
                datasets.stream().limit(ImpactSummary.LISTED).toList(),
                jobs.stream().limit(ImpactSummary.LISTED).toList(),
                fields.stream().limit(ImpactSummary.LISTED).toList(),
                owners(datasets, jobs, fields),
                report.truncated());
    }

    private static List<ImpactSummary.Node> nodes(
            List<ImpactReport.Node> nodes, Map<String, List<String>> tagOwners, Map<String, List<String>> inherited) {
        var out = new ArrayList<ImpactSummary.Node>();
        for (ImpactReport.Node n : nodes) {
            String datasetKind =
                    n.kind() == NodeKind.FIELD ? "DATASET" : n.kind().name();
            var owners = new LinkedHashSet<>(n.owners());
            owners.addAll(inherited.getOrDefault(key(datasetKind, n.namespace(), n.name()), List.of()));
            owners.addAll(tagOwners.getOrDefault(key(datasetKind, n.namespace(), n.name()), List.of()));
            out.add(new ImpactSummary.Node(
                    n.id(), n.kind().name(), n.namespace(), n.name(), n.field(), n.distance(), List.copyOf(owners)));
        }
        return out;
    }

    private static List<ImpactSummary.Owner> owners(
            List<ImpactSummary.Node> datasets, List<ImpactSummary.Node> jobs, List<ImpactSummary.Node> columns) {
        var byOwner = new TreeMap<String, int[]>();
        var nodesByOwner = new HashMap<String, List<String>>();
        List<List<ImpactSummary.Node>> kinds = List.of(datasets, jobs, columns);
        for (int k = 0; k < kinds.size(); k++) {
            for (ImpactSummary.Node n : kinds.get(k)) {
                for (String owner : n.owners()) {
                    byOwner.computeIfAbsent(owner, o -> new int[3])[k]++;
                    List<String> owned = nodesByOwner.computeIfAbsent(owner, o -> new ArrayList<>());
                    if (owned.size() < 20) {
                        owned.add(n.id());
                    }
                }
            }
        }
        return byOwner.entrySet().stream()
                .map(e -> new ImpactSummary.Owner(
                        e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], nodesByOwner.get(e.getKey())))
                .sorted(Comparator.comparing(ImpactSummary.Owner::name))
                .toList();
    }

    /** Owners from {@code owner:<name>} tags, keyed by kind, namespace and name. */
    private Map<String, List<String>> tagOwners(List<ImpactReport.Node> nodes) {
        if (nodes.isEmpty()) {
            return Map.of();
        }
        List<NodeKey> keys = nodes.stream()
                .map(n -> new NodeKey(n.kind() == NodeKind.JOB ? "JOB" : "DATASET", n.namespace(), n.name()))
                .distinct()
                .toList();
        return store.read("alert/owner-tags", Parameters.of(new Nodes(keys)), result -> {
            var owners = new HashMap<String, List<String>>();
            result.forEachRemaining(r -> owners.put(
                    key(
                            r.get("kind").asString(),
                            r.get("namespace").asString(),
                            r.get("name").asString()),
                    DriverValues.strings(r.get("owners"))));
            return owners;
        });
    }

    /** owner-tags: the jobs and datasets to read the tags of. */
    private record Nodes(List<NodeKey> nodes) {}

    private record NodeKey(String kind, String namespace, String name) {}

    private static String key(String kind, String namespace, String name) {
        return kind + "\u0000" + namespace + "\u0000" + name;
    }
}
