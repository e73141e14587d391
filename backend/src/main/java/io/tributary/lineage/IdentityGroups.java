package io.tributary.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The identity step of a walk: a dataset and the datasets its symlinks name (either side declaring, transitively) are
 * one node, as are the same-named fields of such datasets. Wrapped around a level expander, it expands every member
 * of a frontier group, maps what it finds onto each group's representative, and so keeps one node per group, counted
 * once against the caps. Groups are looked up once per walk, as nodes are reached.
 *
 * <p>The representative is the first member in the order the walk's starts were given (so a walk answers under the
 * name it was asked for); otherwise a member that declares symlinks (OpenLineage's symlinks facet lists the other
 * names of the dataset that carries it), then by namespace and name. The rule reads only the stored graph, so the
 * answer does not depend on the order events arrived in. Both directions of a walk may share one instance.
 */
final class IdentityGroups {

    /**
     * One name of a group: the element id of a dataset (or of its field), the dataset's name, and for a field its type
     * under that name (the group's node shows its representative's).
     */
    record Member(String id, String namespace, String name, boolean declares, String type) {}

    private static final Comparator<Member> ORDER = Comparator.comparing((Member m) -> !m.declares())
            .thenComparing(Member::namespace)
            .thenComparing(Member::name)
            .thenComparing(Member::id);

    private final Function<Collection<String>, Map<String, List<Member>>> lookup;
    private final Map<String, Integer> preferred = new ConcurrentHashMap<>();
    private final Map<String, String> representative = new ConcurrentHashMap<>();
    private final Map<String, List<Member>> members = new ConcurrentHashMap<>();

    /** {@code lookup} answers, for element ids, every member of each one's group (itself included). */
    IdentityGroups(Function<Collection<String>, Map<String, List<Member>>> lookup) {
        this.lookup = lookup;
    }

    /**
     * Collapses the start nodes onto their groups' representatives (distance 0); {@code grouped} tells which nodes
     * have names (datasets, fields; not jobs), {@code as} renames a node to a member.
     */
    <N> Map<String, N> start(Map<String, N> starts, Predicate<N> grouped, BiFunction<N, Member, N> as) {
        starts.keySet().forEach(id -> preferred.putIfAbsent(id, preferred.size()));
        resolve(starts.entrySet().stream()
                .filter(e -> grouped.test(e.getValue()))
                .map(Map.Entry::getKey)
                .toList());
        var collapsed = new LinkedHashMap<String, N>();
        starts.forEach((id, node) -> {
            String rep = representative.getOrDefault(id, id);
            collapsed.putIfAbsent(rep, renamed(node, rep, grouped, as));
        });
        return collapsed;
    }

    /** The expander, with the identity step around it. */
    <N, E> Bfs.Expander<N, E> across(Bfs.Expander<N, E> inner, Predicate<N> grouped, BiFunction<N, Member, N> as) {
        return across(inner, grouped, id -> true, as);
    }

    /**
     * As {@link #across(Bfs.Expander, Predicate, BiFunction)}, looking up only the nodes reached that {@code named}
     * says may have other names (the expander read whether their dataset has symlinks); the rest stand for
     * themselves.
     */
    <N, E> Bfs.Expander<N, E> across(
            Bfs.Expander<N, E> inner, Predicate<N> grouped, Predicate<String> named, BiFunction<N, Member, N> as) {
        return (frontier, exclude, limit) -> {
            List<Bfs.Hop<N, E>> hops =
                    inner.expand(everyName(frontier), exclude == null ? null : everyName(exclude), limit);
            resolve(hops.stream()
                    .filter(h -> grouped.test(h.farNode()) && named.test(h.far()))
                    .map(Bfs.Hop::far)
                    .distinct()
                    .toList());
            var mapped = new ArrayList<Bfs.Hop<N, E>>(hops.size());
            for (Bfs.Hop<N, E> hop : hops) {
                String near = representative.getOrDefault(hop.near(), hop.near());
                String far = representative.getOrDefault(hop.far(), hop.far());
                if (near.equals(far) || (exclude != null && exclude.contains(far))) {
                    continue; // a derivation within one dataset under two names, or a member of an excluded group
                }
                mapped.add(new Bfs.Hop<>(near, far, renamed(hop.farNode(), far, grouped, as), hop.edge()));
            }
            return mapped;
        };
    }

    /** The other names of the node a representative stands for, sorted; empty for a node with one name. */
    List<DatasetName> otherNames(String representativeId) {
        List<Member> group = members.getOrDefault(representativeId, List.of());
        return group.stream()
                .filter(m -> !m.id().equals(representativeId))
                .map(m -> new DatasetName(m.namespace(), m.name()))
                .distinct()
                .sorted(Comparator.comparing(DatasetName::namespace).thenComparing(DatasetName::name))
                .toList();
    }

    private List<String> everyName(Collection<String> ids) {
        var all = new LinkedHashSet<String>();
        for (String id : ids) {
            List<Member> group = members.get(id);
            if (group == null) {
                all.add(id);
            } else {
                group.forEach(m -> all.add(m.id()));
            }
        }
        return List.copyOf(all);
    }

    private <N> N renamed(N node, String rep, Predicate<N> grouped, BiFunction<N, Member, N> as) {
        if (!grouped.test(node)) {
            return node;
        }
        return members.getOrDefault(rep, List.of()).stream()
                .filter(m -> m.id().equals(rep))
                .findFirst()
                .map(m -> as.apply(node, m))
                .orElse(node);
    }

    private void resolve(List<String> ids) {
        List<String> unknown =
                ids.stream().filter(id -> !representative.containsKey(id)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, List<Member>> found = lookup.apply(unknown);
        for (String id : unknown) {
            List<Member> group = found.getOrDefault(id, List.of());
            if (group.size() <= 1) {
                representative.put(id, id);
                continue;
            }
            Member rep = group.stream()
                    .min(Comparator.comparing((Member m) -> preferred.getOrDefault(m.id(), Integer.MAX_VALUE))
                            .thenComparing(ORDER))
                    .orElseThrow();
            for (Member m : group) {
                representative.put(m.id(), rep.id());
            }
            members.put(rep.id(), group);
        }
    }
}
