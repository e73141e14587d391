package io.tributary.live;

/** Ends a subscription whose subscriber let its buffer fill: it would otherwise hold ever more updates in memory. */
class SubscriberTooSlowException extends RuntimeException {

    SubscriberTooSlowException(int buffer) {
        super("The subscriber did not keep up: " + buffer
                + " updates waited for it. Reload what you show from queries, then subscribe again.");
    }
}
