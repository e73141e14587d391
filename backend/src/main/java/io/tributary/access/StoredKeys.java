package io.tributary.access;

import io.tributary.store.GraphStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The write keys Tributary manages, in Neo4j so that a rotation survives a restart and reaches every instance on the
 * database: digests only, each with when it became valid and, once rotated away, its deadline. Until the first
 * rotation each instance's generated key is stored at start-up; after it, only a rotation adds keys.
 */
@Component
class StoredKeys {

    private static final String SCOPE = "WRITE";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    /** One stored key. */
    record Stored(
            String id, KeyDigest digest, KeyOrigin origin, OffsetDateTime activeSince, OffsetDateTime expiresAt) {}

    /** The stored keys and the time of the last rotation (null: never rotated). */
    record Snapshot(OffsetDateTime rotatedAt, List<Stored> keys) {}

    private record Scope(String scope) {}

    private record NewKey(String scope, String digest, String id, OffsetDateTime now) {}

    private record Deadline(String scope, OffsetDateTime now, OffsetDateTime validUntil) {}

    private final GraphStore store;

    StoredKeys(GraphStore store) {
        this.store = store;
    }

    Snapshot read() {
        return store.read("access/keys", new Scope(SCOPE), result -> {
            var row = result.single();
            Value rotatedAt = row.get("rotatedAt");
            List<Stored> keys = row.get("keys")
                    .asList(k -> new Stored(
                            k.get("id").asString(),
                            KeyDigest.ofHex(k.get("digest").asString()),
                            KeyOrigin.valueOf(k.get("origin").asString()),
                            time(k.get("activeSince")),
                            time(k.get("expiresAt"))));
            return new Snapshot(time(rotatedAt), keys);
        });
    }

    /** Stores an instance's generated key, unless the keys were rotated already (then it is no longer valid). */
    void registerGenerated(KeyDigest generated, String id, OffsetDateTime now) {
        store.write(
                "access/register-generated-key",
                new NewKey(SCOPE, generated.hex(), id, now),
                WRITE_TIMEOUT,
                r -> r.consume());
    }

    /**
     * In one transaction (rotations on several instances queue on the ring's lock): the generated key of this instance
     * joins the stored keys if no rotation came before, every valid key gets the deadline {@code validUntil}, keys past
     * their deadline are forgotten, and the issued key is stored without a deadline.
     */
    void rotate(
            KeyDigest generated,
            String generatedId,
            KeyDigest issued,
            String issuedId,
            OffsetDateTime now,
            OffsetDateTime validUntil) {
        store.writeTransaction(WRITE_TIMEOUT, writes -> {
            if (generated != null) {
                writes.run("access/register-generated-key", new NewKey(SCOPE, generated.hex(), generatedId, now));
            }
            writes.run("access/lock-ring", new Deadline(SCOPE, now, validUntil));
            writes.run("access/forget-expired-keys", new Deadline(SCOPE, now, validUntil));
            writes.run("access/expire-keys", new Deadline(SCOPE, now, validUntil));
            writes.run("access/issue-key", new NewKey(SCOPE, issued.hex(), issuedId, now));
            return null;
        });
    }

    private static OffsetDateTime time(Value value) {
        return value.isNull() ? null : value.asOffsetDateTime();
    }
}
