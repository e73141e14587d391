package io.tributary.entity;

import io.tributary.graphql.Arguments;
import io.tributary.graphql.Connection;
import io.tributary.graphql.Cursors;
import io.tributary.store.DatasetKey;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Relay pages of jobs or datasets in (namespace, name) order, optionally within one namespace. The cursor is the key
 * of the last item; each page is a range seek on the key index, so page 1000 costs what page 1 does.
 */
@Component
public class EntityPages {

    /** Prepended to a cursor's string to form the least string after it. */
    private static final String SUCCESSOR = "\u0000";

    /** A page over all namespaces: names after {@code fromName} in the cursor's namespace, then later namespaces. */
    private record AllNamespaces(int limit, String fromName, String afterNamespace, String fromNamespace) {}

    /** A page within one namespace. */
    private record OneNamespace(int limit, String fromName, String namespace) {}

    private final GraphStore store;
    private final EntityLookup lookup;

    EntityPages(GraphStore store, EntityLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    public Connection<DatasetView> datasets(String namespace, int first, String after) {
        return page(
                "read/dataset/page",
                "read/dataset/page-in-namespace",
                namespace,
                first,
                after,
                DatasetKey::new,
                lookup::datasets,
                d -> Cursors.encode(d.namespace(), d.name()));
    }

    public Connection<JobView> jobs(String namespace, int first, String after) {
        return page(
                "read/job/page",
                "read/job/page-in-namespace",
                namespace,
                first,
                after,
                JobKey::new,
                lookup::jobs,
                j -> Cursors.encode(j.namespace(), j.name()));
    }

    /**
     * @param allStatement the statement paging over all namespaces
     * @param namespaceStatement the statement paging within {@code namespace}
     * @param key the key of a row's (namespace, name)
     * @param resolve loads the entities of the page's keys
     * @param cursor the cursor of an entity
     */
    private <K, T> Connection<T> page(
            String allStatement,
            String namespaceStatement,
            String namespace,
            int first,
            String after,
            BiFunction<String, String, K> key,
            Function<List<K>, Map<K, T>> resolve,
            Function<T, String> cursor) {
        Arguments.page(first);
        List<String> position = after == null ? null : Cursors.decode(after, 2);
        String fromName = position == null ? "" : position.get(1) + SUCCESSOR;
        Record parameters;
        String statement;
        if (namespace != null) {
            if (position != null && !position.getFirst().equals(namespace)) {
                throw new IllegalArgumentException("The cursor '" + after + "' belongs to another namespace");
            }
            statement = namespaceStatement;
            parameters = new OneNamespace(first + 1, fromName, namespace);
        } else {
            statement = allStatement;
            parameters = new AllNamespaces(
                    first + 1,
                    fromName,
                    position == null ? null : position.getFirst(),
                    position == null ? "" : position.getFirst() + SUCCESSOR);
        }
        List<K> keys = store.read(
                statement,
                Parameters.of(parameters),
                result -> result.list(r ->
                        key.apply(r.get("namespace").asString(), r.get("name").asString())));
        Map<K, T> entities = resolve.apply(keys);
        List<T> items =
                keys.stream().map(entities::get).filter(Objects::nonNull).toList();
        return Connection.of(items, first, cursor);
    }
}
