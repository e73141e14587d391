package io.tributary.ingest;

import io.tributary.TributaryProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The keys that may write lineage. Ingest is never open: with no key configured, one is generated at first start into
 * {@code <data dir>/api-key} (owner-only permissions) and reused after. Keys are compared in constant time on their
 * SHA-256 digests, so neither content nor length leaks through timing, and are never logged.
 */
@Component
class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> digests = new ArrayList<>();

    ApiKeys(TributaryProperties properties) {
        for (String key : new String[] {properties.apiKey(), properties.apiKeyPrevious()}) {
            if (key != null && !key.isBlank()) {
                digests.add(sha256(key.strip()));
            }
        }
        if (digests.isEmpty()) {
            digests.add(sha256(generatedKey(properties.dataDir().resolve("api-key"))));
        }
    }

    boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] key : digests) {
            match |= MessageDigest.isEqual(key, digest);
        }
        return match;
    }

    private static String generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                log.info(
                        "Ingest API key read from {} (set TRIBUTARY_API_KEY to choose your own)",
                        file.toAbsolutePath());
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = "trib_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // The data directory's own permissions protect the file on non-POSIX file systems.
            }
            log.warn(
                    "No TRIBUTARY_API_KEY configured: generated an ingest API key. Read it with: cat {}",
                    file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API key file " + file, e);
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
