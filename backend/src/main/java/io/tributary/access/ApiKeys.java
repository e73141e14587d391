package io.tributary.access;

import io.tributary.TributaryProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The keys in force, as digests, and who a presented key makes the caller. Ingest is never open.
 *
 * <p>Write keys come from one of two places. Set by the operator ({@code TRIBUTARY_API_KEY},
 * {@code TRIBUTARY_API_KEY_PREVIOUS}), they are pinned: those keys alone, and rotation is the operator's (see
 * {@link KeyRotation}). Otherwise Tributary manages them: a key generated at first start ({@link GeneratedKey}) and the
 * keys rotation issues, stored as digests in Neo4j ({@link StoredKeys}) and read again every
 * {@code TRIBUTARY_API_KEYS_REFRESH}, so that every instance on the database follows a rotation made through any of
 * them. Polling, not a read per request: the check of a request does no I/O and keeps working while the database is
 * away; the deadlines themselves are compared with the clock on every request, so an old key is refused at its deadline,
 * not a refresh later.
 *
 * <p>The whole set sits behind one reference: a rotation swaps it while requests run, each judged by one consistent set.
 */
@Component
class ApiKeys implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final String BEARER = "Bearer ";

    /** A write key in force; {@code expiresAt} null while it has no deadline (the current key). */
    record WriteKey(
            String id, KeyDigest digest, KeyOrigin origin, OffsetDateTime activeSince, OffsetDateTime expiresAt) {

        boolean validAt(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt.toInstant());
        }
    }

    /**
     * @param read the read key, or null when reads are open
     * @param rotatedAt the last rotation (null: never, or the keys are pinned)
     */
    record KeySet(List<WriteKey> write, KeyDigest read, OffsetDateTime rotatedAt) {}

    private final List<WriteKey> pinned;
    private final KeyDigest read;
    private final Path generatedFile;
    private final StoredKeys stored;
    private final KeyRotationProperties rotation;
    private final Clock clock;
    private final AtomicReference<KeySet> keys = new AtomicReference<>();
    /** The key of this instance's key file (generated, or issued by a rotation here), while Tributary manages the keys. */
    private volatile WriteKey generated;

    private ScheduledExecutorService refresher;

    ApiKeys(
            AccessProperties properties,
            TributaryProperties service,
            KeyRotationProperties rotation,
            StoredKeys stored,
            ObjectProvider<Clock> clocks) {
        this.stored = stored;
        this.rotation = rotation;
        this.clock = clocks.getIfUnique(Clock::systemUTC);
        var env = new ArrayList<WriteKey>();
        if (AccessProperties.isSet(properties.apiKey())) {
            env.add(new WriteKey(
                    "environment", KeyDigest.of(properties.apiKey().strip()), KeyOrigin.ENVIRONMENT, null, null));
        }
        if (AccessProperties.isSet(properties.apiKeyPrevious())) {
            env.add(new WriteKey(
                    "environment-previous",
                    KeyDigest.of(properties.apiKeyPrevious().strip()),
                    KeyOrigin.ENVIRONMENT_PREVIOUS,
                    null,
                    null));
        }
        this.pinned = List.copyOf(env);
        this.generatedFile = properties.generatedKeyFile(service.dataDir());
        this.read = AccessProperties.isSet(properties.readApiKey())
                ? KeyDigest.of(properties.readApiKey().strip())
                : null;
        keys.set(new KeySet(pinned, read, null));
    }

    @Override
    public void afterPropertiesSet() {
        if (isPinned()) {
            return;
        }
        StoredKeys.Snapshot snapshot = stored.read();
        if (snapshot.rotatedAt() == null || Files.exists(generatedFile)) {
            String key = GeneratedKey.readOrCreate(generatedFile);
            generated = new WriteKey(GeneratedKey.newId(), KeyDigest.of(key), KeyOrigin.GENERATED, now(), null);
            stored.registerGenerated(generated.digest(), generated.id(), now());
        } else {
            log.warn(
                    "The ingest API key of this database was rotated through the API at {}; {} is not created: use the"
                            + " key that rotation returned",
                    snapshot.rotatedAt(),
                    generatedFile.toAbsolutePath());
        }
        reload();
        long every = rotation.refresh().toMillis();
        refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("api-keys-refresh").daemon(true).factory());
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Reads the stored keys again; a no-op while the keys are pinned. */
    void reload() {
        if (isPinned()) {
            return;
        }
        StoredKeys.Snapshot snapshot = stored.read();
        var write = new ArrayList<WriteKey>();
        for (StoredKeys.Stored key : snapshot.keys()) {
            write.add(new WriteKey(key.id(), key.digest(), key.origin(), key.activeSince(), key.expiresAt()));
        }
        WriteKey own = generated;
        // Before the first rotation this instance's generated key is valid even if its stored copy went missing.
        if (snapshot.rotatedAt() == null
                && own != null
                && write.stream().noneMatch(k -> k.digest().matches(own.digest()))) {
            write.add(own);
        }
        KeySet previous = keys.getAndSet(new KeySet(List.copyOf(write), read, snapshot.rotatedAt()));
        if (previous != null
                && !Objects.equals(previous.rotatedAt(), snapshot.rotatedAt())
                && snapshot.rotatedAt() != null) {
            log.info("Ingest API keys rotated at {}: {} write keys in force", snapshot.rotatedAt(), write.size());
        }
    }

    private void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            // The keys last read stay in force; the next refresh tries again.
            log.warn("Ingest API keys not refreshed from the database: {}", e.toString());
        }
    }

    /** The caller of a request, by its {@code Authorization: Bearer <key>} header. */
    Caller caller(HttpHeaders headers) {
        return caller(bearer(headers));
    }

    /**
     * Every key in force is compared, whichever matches, so the time taken does not tell which one did; a key past its
     * deadline matches nothing.
     */
    Caller caller(String presented) {
        KeySet set = keys.get();
        if (presented == null) {
            return new Caller(false, set.read() == null, false, false);
        }
        KeyDigest digest = KeyDigest.of(presented);
        Instant now = clock.instant();
        boolean write = false;
        boolean current = false;
        for (WriteKey key : set.write()) {
            boolean matches = key.digest().matches(digest);
            write |= matches & key.validAt(now);
            current |= matches & key.expiresAt() == null;
        }
        boolean read = set.read() == null || set.read().matches(digest);
        return new Caller(true, read, write, current);
    }

    /** The keys in force now (never the keys themselves, only where they come from and their times). */
    KeySet inForce() {
        KeySet set = keys.get();
        Instant now = clock.instant();
        return new KeySet(set.write().stream().filter(k -> k.validAt(now)).toList(), set.read(), set.rotatedAt());
    }

    /** Whether the operator set the write keys, which Tributary then neither stores nor rotates. */
    boolean isPinned() {
        return !pinned.isEmpty();
    }

    /** The file of the generated key; null when the keys are pinned. */
    Path generatedFile() {
        return generatedFile;
    }

    /** This instance's generated key; null when pinned or when it generated none. */
    WriteKey generated() {
        return generated;
    }

    /** After a rotation through this instance: its key file now holds the issued key. */
    void fileHolds(WriteKey issued) {
        generated = issued;
    }

    KeyRotationProperties rotation() {
        return rotation;
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
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
