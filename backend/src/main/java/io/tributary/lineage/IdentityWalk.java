package io.tributary.lineage;

import io.tributary.lineage.DatasetHops.Details;
import io.tributary.lineage.DatasetHops.Node;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Dataset and job lineage across symlinks: the level-by-level walk ({@link Bfs}) with the identity step between levels
 * ({@link IdentityGroups}), so that a dataset under all its names is one node, at the distance of its nearest name,
 * counted once against maxNodes. At a past time every walk goes this way; on the current graph only walks whose
 * streamed statement read a node with symlinks ({@link DatasetWalks}).
 */
@Component
class IdentityWalk {

    static final Predicate<Node> GROUPED = n -> n.kind() == NodeKind.DATASET;
    static final BiFunction<Node, IdentityGroups.Member, Node> AS =
            (n, m) -> new Node(n.kind(), m.namespace(), m.name());

    private final DatasetHops hops;
    private final SymlinkIdentity identity;

    IdentityWalk(DatasetHops hops, SymlinkIdentity identity) {
        this.hops = hops;
        this.identity = identity;
    }

    /** At asOf, or on the current graph (with edges seen since {@code since} when given) when asOf is null. */
    DatasetWalks.Found walk(
            NodeRef ref, Direction direction, Limits limits, OffsetDateTime asOf, OffsetDateTime since) {
        IdentityGroups groups = identity.datasets();
        Map<String, Node> start = groups.start(hops.start(ref, asOf), GROUPED, AS);
        Bfs.Expander<Node, Void> up = groups.across(hops.expander(false, asOf, since), GROUPED, AS);
        Bfs.Expander<Node, Void> down = groups.across(hops.expander(true, asOf, since), GROUPED, AS);
        Bfs.Walk<Node, Void> walk = switch (direction) {
            case DOWNSTREAM -> Bfs.walk(start, down, true, limits, Node.ORDER);
            case UPSTREAM -> Bfs.walk(start, up, false, limits, Node.ORDER);
            case BOTH ->
                Bfs.both(
                        () -> Bfs.walk(start, up, false, limits, Node.ORDER),
                        () -> Bfs.walk(start, down, true, limits, Node.ORDER),
                        limits.maxNodes(),
                        Node.ORDER);
        };
        Map<String, Details> details = hops.details(walk.nodes().keySet(), asOf);
        var otherNames = new HashMap<String, List<DatasetName>>();
        for (String id : walk.nodes().keySet()) {
            List<DatasetName> names = groups.otherNames(id);
            if (!names.isEmpty()) {
                otherNames.put(id, names);
            }
        }
        return new DatasetWalks.Found(walk, details, otherNames);
    }
}
