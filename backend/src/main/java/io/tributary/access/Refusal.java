package io.tributary.access;

/**
 * A request refused for want of the right key: a 401 problem with a {@code WWW-Authenticate} challenge naming the
 * realm, rendered by {@link Refusals}. Raised where no response can be written directly (GraphQL interception).
 */
final class Refusal extends RuntimeException {

    /** The challenge of the write (ingest) keys. */
    static final String WRITE_REALM = "tributary";

    /** The challenge of the read key. */
    static final String READ_REALM = "tributary-read";

    final String realm;

    private Refusal(String realm, String detail) {
        super(detail, null, false, false);
        this.realm = realm;
    }

    static Refusal write(Caller caller) {
        return new Refusal(
                WRITE_REALM,
                caller.presentedKey()
                        ? "The API key is not valid"
                        : "Send the ingest API key as 'Authorization: Bearer <key>'");
    }

    static Refusal read(Caller caller) {
        return new Refusal(
                READ_REALM,
                caller.presentedKey()
                        ? "The read API key is not valid"
                        : "Send the read API key as 'Authorization: Bearer <key>'");
    }

    /** An ingest key where only the read key opens: producers hold ingest keys, and a leaked one must not read. */
    static Refusal ingestKeyCannotRead() {
        return new Refusal(READ_REALM, "An ingest key cannot read; send the read API key");
    }
}
