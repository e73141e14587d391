package io.tributary.write;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The text the full-text index sees for a job, dataset or column. Names such as {@code analytics.public.orders},
 * {@code s3://bucket/raw/orders_2024} or {@code customerId} are one token to Lucene's standard analyzer, so they are
 * also split at punctuation and camelCase boundaries: a search for "orders" or "customer" then finds them.
 */
final class SearchText {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

    private SearchText() {}

    /**
     * Results by input: the same job, dataset and column names come back with every rerun, and splitting them was ~5%
     * of the service's CPU in ingest. A pure function, so the cache can never be stale; cleared when it grows large.
     */
    private static final Map<List<String>, String> CACHE = new ConcurrentHashMap<>();

    private static final int CACHE_LIMIT = 100_000;

    static String of(String... parts) {
        List<String> key = Arrays.asList(parts);
        String known = CACHE.get(key);
        if (known != null) {
            return known;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        String text = split(parts);
        CACHE.put(key, text); // the varargs array behind the key is the caller's own, never changed
        return text;
    }

    private static String split(String... parts) {
        var tokens = new LinkedHashSet<String>();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            tokens.add(part);
            for (String word : SEPARATORS.split(part)) {
                if (!word.isEmpty()) {
                    tokens.add(word);
                    for (String piece : CAMEL.split(word)) {
                        tokens.add(piece);
                    }
                }
            }
        }
        return String.join(" ", tokens);
    }
}
