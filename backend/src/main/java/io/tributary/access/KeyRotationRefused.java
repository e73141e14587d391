package io.tributary.access;

/** A rotation the caller may not make: a typed GraphQL error ({@code FORBIDDEN}) with {@code extensions.reason}. */
final class KeyRotationRefused extends RuntimeException {

    /** Why, as {@code extensions.reason}. */
    enum Reason {
        /** The operator set the write key; rotating it is changing that setting. */
        API_KEY_PINNED,
        /** The key presented is kept valid only for a grace period: it may no longer mint keys. */
        KEY_IN_GRACE_PERIOD
    }

    private final Reason reason;

    KeyRotationRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
