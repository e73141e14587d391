package io.tributary.access;

import io.tributary.TributaryProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The keys in force, as digests, and who a presented key makes the caller. Ingest is never open: with no write key
 * configured, one is generated at first start ({@link GeneratedKey}). The whole set sits behind one reference so that
 * a later rotation can swap it while requests run, each request judged by one consistent set.
 */
@Component
class ApiKeys {

    private static final String BEARER = "Bearer ";

    /** @param read the read key, or null when reads are open */
    private record KeySet(List<KeyDigest> write, KeyDigest read) {}

    private final AtomicReference<KeySet> keys;

    ApiKeys(AccessProperties properties, TributaryProperties service) {
        var write = new ArrayList<KeyDigest>();
        for (String key : new String[] {properties.apiKey(), properties.apiKeyPrevious()}) {
            if (AccessProperties.isSet(key)) {
                write.add(KeyDigest.of(key.strip()));
            }
        }
        Path generated = properties.generatedKeyFile(service.dataDir());
        if (generated != null) {
            write.add(KeyDigest.of(GeneratedKey.readOrCreate(generated)));
        }
        KeyDigest read = AccessProperties.isSet(properties.readApiKey())
                ? KeyDigest.of(properties.readApiKey().strip())
                : null;
        this.keys = new AtomicReference<>(new KeySet(List.copyOf(write), read));
    }

    /** The caller of a request, by its {@code Authorization: Bearer <key>} header. */
    Caller caller(HttpHeaders headers) {
        return caller(bearer(headers));
    }

    /** Every configured key is compared, whichever matches, so the time taken does not tell which one did. */
    Caller caller(String presented) {
        KeySet set = keys.get();
        if (presented == null) {
            return new Caller(false, set.read() == null, false);
        }
        KeyDigest digest = KeyDigest.of(presented);
        boolean write = false;
        for (KeyDigest key : set.write()) {
            write |= key.matches(digest);
        }
        boolean read = set.read() == null || set.read().matches(digest);
        return new Caller(true, read, write);
    }

    /** The key of an {@code Authorization: Bearer <key>} header (any case of the scheme), or null without one. */
    static String bearer(HttpHeaders headers) {
        return bearer(headers.getFirst(HttpHeaders.AUTHORIZATION));
    }

    /** The key of an {@code Authorization} value {@code Bearer <key>} (any case of the scheme), or null otherwise. */
    static String bearer(String header) {
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip()
                : null;
    }
}
