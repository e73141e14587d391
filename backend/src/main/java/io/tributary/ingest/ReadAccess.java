package io.tributary.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Optional protection of the read API.
 *
 * @param readApiKey {@code TRIBUTARY_READ_API_KEY}: when set, reading lineage requires {@code Authorization: Bearer
 *     <key>}; unset, reads stay open as before
 */
@ConfigurationProperties("tributary")
record ReadAccess(String readApiKey) {

    boolean protectedReads() {
        return readApiKey != null && !readApiKey.isBlank();
    }

    /** Records print every component; this one must never print the key. */
    @Override
    public String toString() {
        return "ReadAccess[readApiKey=" + (protectedReads() ? "<redacted>" : "<none>") + "]";
    }
}
