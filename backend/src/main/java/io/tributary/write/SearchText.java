package io.tributary.write;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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
     * of the service's CPU in ingest. A pure function, so the cache can never be stale; bounded in size.
     */
    private static final Cache<List<String>, String> CACHE =
            Caffeine.newBuilder().maximumSize(100_000).build();

    static String of(String... parts) {
        // The varargs array behind the key is the caller's own, never changed.
        return CACHE.get(Arrays.asList(parts), key -> split(parts));
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
