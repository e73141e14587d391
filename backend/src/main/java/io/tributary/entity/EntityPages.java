package io.tributary.entity;

import io.tributary.graphql.Arguments;
import io.tributary.graphql.Connection;
import io.tributary.graphql.Cursors;
import io.tributary.store.GraphStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final GraphStore store;

    EntityPages(GraphStore store) {
        this.store = store;
    }

    /**
     * @param allStatement the statement paging over all namespaces
     * @param namespaceStatement the statement paging within {@code namespace}
     * @param resolve loads the entities of the page's keys
     * @param key the key of an entity, for its cursor
     */
    public <T> Connection<T> page(
            String allStatement,
            String namespaceStatement,
            String namespace,
            int first,
            String after,
            Function<List<Map<String, Object>>, Map<Map<String, Object>, T>> resolve,
            Function<T, Map<String, Object>> key) {
        Arguments.page(first);
        List<String> cursor = after == null ? null : Cursors.decode(after, 2);
        var parameters = new HashMap<String, Object>();
        parameters.put("limit", first + 1);
        parameters.put("fromName", cursor == null ? "" : cursor.get(1) + SUCCESSOR);
        String statement;
        if (namespace != null) {
            if (cursor != null && !cursor.getFirst().equals(namespace)) {
                throw new IllegalArgumentException("The cursor '" + after + "' belongs to another namespace");
            }
            statement = namespaceStatement;
            parameters.put("namespace", namespace);
        } else {
            statement = allStatement;
            parameters.put("afterNamespace", cursor == null ? null : cursor.getFirst());
            parameters.put("fromNamespace", cursor == null ? "" : cursor.getFirst() + SUCCESSOR);
        }
        List<Map<String, Object>> keys = store.read(
                statement,
                parameters,
                result -> result.list(r -> Map.<String, Object>of(
                        "namespace",
                        r.get("namespace").asString(),
                        "name",
                        r.get("name").asString())));
        Map<Map<String, Object>, T> entities = resolve.apply(keys);
        List<T> items =
                keys.stream().map(entities::get).filter(Objects::nonNull).toList();
        return Connection.of(
                items,
                first,
                item -> Cursors.encode((String) key.apply(item).get("namespace"), (String)
                        key.apply(item).get("name")));
    }
}
