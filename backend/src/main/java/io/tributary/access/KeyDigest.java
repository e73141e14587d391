package io.tributary.access;

import io.tributary.digest.Sha256;
import java.security.MessageDigest;

/**
 * A key kept only as its SHA-256 digest. Digests are compared in constant time and have one length, so neither the
 * content nor the length of a key leaks through timing; the key itself is not kept and never printed.
 */
final class KeyDigest {

    private final byte[] digest;

    private KeyDigest(byte[] digest) {
        this.digest = digest;
    }

    static KeyDigest of(String key) {
        return new KeyDigest(Sha256.of(key));
    }

    /** Constant time: compares every byte whatever the first difference. */
    boolean matches(KeyDigest presented) {
        return MessageDigest.isEqual(digest, presented.digest);
    }

    @Override
    public String toString() {
        return "KeyDigest[<redacted>]";
    }
}
