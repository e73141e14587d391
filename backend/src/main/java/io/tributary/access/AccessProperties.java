package io.tributary.access;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys of the service, bound from {@code TRIBUTARY_API_KEY}, {@code TRIBUTARY_API_KEY_PREVIOUS} and
 * {@code TRIBUTARY_READ_API_KEY} (the documented names keep the {@code tributary} prefix; the rest of that prefix is
 * {@code TributaryProperties}). Read once at start into {@link ApiKeys}, which holds only their digests.
 *
 * @param apiKey the organization's ingest (write) key; generated into the data directory when neither write key is set
 * @param apiKeyPrevious a second write key still accepted while clients rotate to {@code apiKey}
 * @param readApiKey when set, reading needs this key; unset, reads are open
 */
@ConfigurationProperties("tributary")
public record AccessProperties(String apiKey, String apiKeyPrevious, String readApiKey) {

    /** The file of the ingest key generated into {@code dataDir}; null when the operator set a write key. */
    public Path generatedKeyFile(Path dataDir) {
        return isSet(apiKey) || isSet(apiKeyPrevious) ? null : dataDir.resolve("api-key");
    }

    static boolean isSet(String key) {
        return key != null && !key.isBlank();
    }

    /** Records print every component; these must never be printed. */
    @Override
    public String toString() {
        return "AccessProperties[apiKey=" + shown(apiKey) + ", apiKeyPrevious=" + shown(apiKeyPrevious)
                + ", readApiKey=" + shown(readApiKey) + "]";
    }

    private static String shown(String key) {
        return key == null || key.isBlank() ? "<none>" : "<redacted>";
    }
}
