package io.tributary.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents by query text, so that the UI's few fixed queries are parsed and validated once, not
 * per request. Only documents that passed are kept: an invalid one is parsed and refused again each time (with the
 * same typed errors), and cannot crowd out the good ones. The variables are not part of a document, so one entry
 * serves every set of variables; the depth and complexity limits are checked per execution whatever the cache holds
 * (graphql-java runs them when the operation begins), and the alias limit ran when the document was first parsed.
 */
final class CachedDocuments implements PreparsedDocumentProvider {

    private record Key(String query, Locale locale) {}

    private final Cache<Key, PreparsedDocumentEntry> documents;

    CachedDocuments(long maxDocuments) {
        this.documents = Caffeine.newBuilder().maximumSize(maxDocuments).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        // Validation messages depend on the locale, so it is part of the key.
        var key = new Key(input.getQuery(), input.getLocale());
        PreparsedDocumentEntry entry = documents.getIfPresent(key);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                documents.put(key, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }
}
