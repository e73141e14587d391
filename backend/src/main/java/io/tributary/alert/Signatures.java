package io.tributary.alert;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Tributary-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with the
 * rule's secret, {@code <timestamp>} being {@code X-Tributary-Timestamp} (Unix seconds). A receiver recomputes it,
 * compares in constant time and refuses old timestamps (replays).
 */
final class Signatures {

    static final String SIGNATURE = "X-Tributary-Signature";
    static final String TIMESTAMP = "X-Tributary-Timestamp";

    private Signatures() {}

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
