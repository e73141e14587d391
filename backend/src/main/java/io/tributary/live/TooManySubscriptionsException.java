package io.tributary.live;

/** Refuses a subscription while the most the service keeps open at once are open. */
class TooManySubscriptionsException extends RuntimeException {

    TooManySubscriptionsException(int most) {
        super("The service has " + most + " subscriptions open, the most it keeps (TRIBUTARY_LIVE_MAX_SUBSCRIPTIONS); "
                + "try again later");
    }
}
