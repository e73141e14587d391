package io.tributary.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest key of a service started without one: generated at first start into {@code <data dir>/api-key} (owner-only
 * permissions) and read from there after. The log names the file, never the key.
 */
final class GeneratedKey {

    private static final Logger log = LoggerFactory.getLogger(GeneratedKey.class);

    private GeneratedKey() {}

    static String readOrCreate(Path file) {
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
}
