package io.tributary.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest key of a service started without one: generated at first start into {@code <data dir>/api-key} (owner-only
 * permissions) and read from there after; a rotation replaces the file's key atomically. The log names the file, never
 * the key. Keys issued by rotation are made here too.
 */
final class GeneratedKey {

    private static final Logger log = LoggerFactory.getLogger(GeneratedKey.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedKey() {}

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                log.info(
                        "Ingest API key read from {} (set TRIBUTARY_API_KEY to choose your own)",
                        file.toAbsolutePath());
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String key = newKey();
            write(file, key);
            log.warn(
                    "No TRIBUTARY_API_KEY configured: generated an ingest API key. Read it with: cat {}",
                    file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API key file " + file, e);
        }
    }

    /** 256 random bits, URL-safe, with a prefix that secret scanners can recognize. */
    static String newKey() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "trib_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A public name for a stored key, unrelated to the key. */
    static String newId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * Writes the key file as a whole or not at all: a file beside it, created owner-only before the key goes in and
     * flushed to disk, then moved over the old one. A reader sees the old key or the new one, never a part.
     */
    static void write(Path file, String key) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(
                        dir,
                        ".api-key-",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                // The data directory's own permissions protect the file on non-POSIX file systems.
                : Files.createTempFile(dir, ".api-key-", ".tmp");
        try {
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.UTF_8.encode(key + "\n"));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
