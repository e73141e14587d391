package io.tributary.access;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rotation of the ingest key while the service runs: a new random key, stored as its digest, and every key in force
 * kept valid until a grace deadline, then refused. Only the current key may rotate (not one in its grace period, which
 * may be the leaked one the rotation is for). Keys the operator set by environment are left to the operator: rotating
 * them here could not revoke them (the setting would bring them back at the next start), so it is refused.
 */
@Component
class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    /**
     * What a rotation answers; {@code key} is in this answer only.
     *
     * @param keyFileUpdated whether this instance's generated key file now holds the new key
     */
    record Rotated(String key, String id, OffsetDateTime previousKeysValidUntil, boolean keyFileUpdated) {

        @Override
        public String toString() {
            return "Rotated[key=<redacted>, id=" + id + ", previousKeysValidUntil=" + previousKeysValidUntil
                    + ", keyFileUpdated=" + keyFileUpdated + "]";
        }
    }

    private final ApiKeys keys;
    private final StoredKeys stored;

    KeyRotation(ApiKeys keys, StoredKeys stored) {
        this.keys = keys;
        this.stored = stored;
    }

    Rotated rotate(Caller caller, Duration gracePeriod) {
        if (keys.isPinned()) {
            throw new KeyRotationRefused(
                    KeyRotationRefused.Reason.API_KEY_PINNED,
                    "The ingest key is set by TRIBUTARY_API_KEY: rotate it there (the old one as"
                            + " TRIBUTARY_API_KEY_PREVIOUS until clients follow) and restart");
        }
        if (!caller.currentWriteKey()) {
            throw new KeyRotationRefused(
                    KeyRotationRefused.Reason.KEY_IN_GRACE_PERIOD,
                    "Only the current ingest key may rotate; this one is valid only until its grace deadline");
        }
        KeyRotationProperties settings = keys.rotation();
        Duration grace = gracePeriod == null ? settings.gracePeriod() : gracePeriod;
        if (grace.isNegative() || grace.compareTo(settings.maxGracePeriod()) > 0) {
            throw new IllegalArgumentException(
                    "gracePeriod must lie between PT0S and " + settings.maxGracePeriod() + ", not " + grace);
        }
        String key = GeneratedKey.newKey();
        String id = GeneratedKey.newId();
        OffsetDateTime now = keys.now();
        OffsetDateTime validUntil = now.plus(grace);
        ApiKeys.WriteKey generated = keys.generated();
        stored.rotate(
                generated == null ? null : generated.digest(),
                generated == null ? null : generated.id(),
                KeyDigest.of(key),
                id,
                now,
                validUntil);
        boolean fileUpdated = rewriteKeyFile(key);
        if (fileUpdated) {
            keys.fileHolds(new ApiKeys.WriteKey(id, KeyDigest.of(key), KeyOrigin.ROTATED, now, null));
        }
        keys.reload();
        log.info("Ingest API key rotated: new key {} issued, previous keys valid until {}", id, validUntil);
        return new Rotated(key, id, validUntil, fileUpdated);
    }

    /** The stored digests decide what is valid; the file only follows, so a failure here loses no key. */
    private boolean rewriteKeyFile(String key) {
        Path file = keys.generatedFile();
        try {
            GeneratedKey.write(file, key);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("The new ingest API key was issued but {} could not be rewritten: {}", file, e.toString());
            return false;
        }
    }
}
