package io.tributary.search;

import io.tributary.store.GraphStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Full-text search over the Neo4j full-text index {@code search_text}, ranked as read/search/search says. */
@Controller
class SearchController {

    static final List<String> ALL_KINDS = List.of("DATASET", "JOB", "FIELD");
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final GraphStore store;

    SearchController(GraphStore store) {
        this.store = store;
    }

    @QueryMapping
    List<SearchResult> search(@Argument String query, @Argument List<String> kinds, @Argument int first) {
        if (first < 1 || first > 100) {
            throw new IllegalArgumentException("first must be between 1 and 100");
        }
        String lucene = lucene(query);
        if (lucene.isEmpty()) {
            throw new IllegalArgumentException("query must contain at least one letter or digit");
        }
        return store.read(
                "read/search/search",
                Map.of(
                        "query",
                        lucene,
                        "exact",
                        query.strip().toLowerCase(Locale.ROOT),
                        "kinds",
                        kinds == null || kinds.isEmpty() ? ALL_KINDS : kinds,
                        "first",
                        first),
                result -> result.list(r -> new SearchResult(
                        r.get("kind").asString(),
                        r.get("namespace").asString(),
                        r.get("name").asString(),
                        r.get("field").isNull() ? null : r.get("field").asString(),
                        r.get("description").isNull()
                                ? null
                                : r.get("description").asString(),
                        r.get("score").asDouble())));
    }

    /**
     * Every word required, matched whole (boosted) or as a prefix. Words are letters and digits only, so nothing of
     * Lucene's query syntax can come through from the user.
     */
    static String lucene(String query) {
        return WORDS.splitAsStream(query == null ? "" : query.toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty())
                .limit(16)
                .map(w -> "+(" + w + "^2 " + w + "*)")
                .collect(Collectors.joining(" "));
    }

    record SearchResult(String kind, String namespace, String name, String field, String description, double score) {}
}
