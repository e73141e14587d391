package io.tributary.search;

import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;

/** The Neo4j full-text index {@code search_text_v2}, ranked as read/search/search says. */
@Repository
public class SearchIndex {

    static final List<String> ALL_KINDS = List.of("DATASET", "JOB", "FIELD");
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The statement's parameters: the Lucene query, the user's text for exact matches, kinds and page size. */
    private record Query(String query, String exact, List<String> kinds, int first) {}

    private final GraphStore store;

    SearchIndex(GraphStore store) {
        this.store = store;
    }

    /** The best {@code first} matches of every word of {@code text} among {@code kinds} (all when none). */
    List<SearchResult> search(String text, List<String> kinds, int first) {
        String lucene = lucene(text);
        if (lucene.isEmpty()) {
            throw new IllegalArgumentException("query must contain at least one letter or digit");
        }
        var query = new Query(
                lucene,
                text.strip().toLowerCase(Locale.ROOT),
                kinds == null || kinds.isEmpty() ? ALL_KINDS : kinds,
                first);
        return store.read("read/search/search", Parameters.of(query), result -> result.list(SearchResult::from));
    }

    /**
     * Every word required, matched whole (boosted) or as a prefix. Words are letters and digits only, so nothing of
     * Lucene's query syntax can come through from the user.
     */
    public static String lucene(String query) {
        return WORDS.splitAsStream(query == null ? "" : query.toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty())
                .limit(16)
                .map(w -> "+(" + w + "^2 " + w + "*)")
                .collect(Collectors.joining(" "));
    }
}
