package io.tributary.write;

import java.util.LinkedHashSet;
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

    static String of(String... parts) {
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
