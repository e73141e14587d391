package io.tributary.store;

import java.util.UUID;

/** A {@code (:Run)} node's identity; stored, and sent to statements, as the UUID's text. */
public record RunId(UUID uuid) {

    /** The id of {@code uuid}, or null when there is none. */
    public static RunId of(UUID uuid) {
        return uuid == null ? null : new RunId(uuid);
    }

    @Override
    public String toString() {
        return uuid.toString();
    }
}
