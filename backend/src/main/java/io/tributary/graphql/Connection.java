package io.tributary.graphql;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection page, shared by every paged list (the GraphQL {@code PageInfo} type is in common.graphqls).
 *
 * @param edges the items of this page, each with the cursor to continue after it
 * @param pageInfo whether more items follow, and the cursor of the last item
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, String endCursor) {}

    /**
     * The page from a query that fetched one item more than asked for: that extra item only says a next page exists.
     */
    public static <T> Connection<T> of(List<T> fetched, int first, Function<T, String> cursor) {
        List<Edge<T>> edges = fetched.stream()
                .limit(first)
                .map(item -> new Edge<>(cursor.apply(item), item))
                .toList();
        return new Connection<>(
                edges,
                new PageInfo(
                        fetched.size() > first,
                        edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    public static <T> Connection<T> empty() {
        return new Connection<>(List.of(), new PageInfo(false, null));
    }
}
