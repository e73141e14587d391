package io.tributary.projection;

import io.tributary.store.GraphStore;
import io.tributary.store.GraphStore.Writes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The lease that makes one replica the projector of a log shared by several ({@code (:ProjectorLease {log})}): the
 * others follow the position it records. Expiry is the database's clock, so replicas' clocks never matter. Each take
 * gives a new fencing token, and every window's transaction first checks the holder's token under the lease node's
 * write lock ({@link #fence}): a holder that paused (GC, a stopped VM) past its expiry while another replica took over
 * cannot commit a window afterwards, and nobody can take the lease while a window is in flight.
 */
final class ProjectorLease {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /** How a claim ended. */
    enum Outcome {
        /** It had expired (or never existed): this replica holds it now, with a new token. */
        TAKEN,
        /** This replica held it and still does, for another term. */
        RENEWED,
        /** Another replica holds it. */
        HELD
    }

    /** A claim's answer: who holds the lease, with which token, for how much longer (the database's clock). */
    record Claim(Outcome outcome, long token, String holder, long remainingMs) {}

    /** The lease as it stands, for the {@code projection} query. */
    record State(String holder, long token, long remainingMs) {}

    private final GraphStore store;
    private final String log;
    private final String holder;
    private final Duration ttl;

    /** The token this replica was given, or -1 before its first take. */
    private volatile long token = -1;
    /** Until when (this JVM's monotonic clock, conservatively) the lease is known to be held; 0 when not held. */
    private volatile long heldUntilNanos;

    ProjectorLease(GraphStore store, String log, String holder, Duration ttl) {
        this.store = store;
        this.log = log;
        this.holder = holder;
        this.ttl = ttl;
    }

    /** A holder name that says which process it is, and is unique even when a pid is reused. */
    static String processHolder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    String holder() {
        return holder;
    }

    long token() {
        return token;
    }

    Duration ttl() {
        return ttl;
    }

    /** Claims or renews the lease, for a term of its TTL, in a transaction of its own. */
    Claim claim() {
        return claim(ttl);
    }

    /** Claims or renews the lease for {@code term} (a renewal never shortens the current one). */
    Claim claim(Duration term) {
        long asked = System.nanoTime();
        Claim claim = store.write(
                "projection/lease-claim", new Claiming(log, holder, token, term.toMillis()), CLAIM_TIMEOUT, result -> {
                    var r = result.single();
                    return new Claim(
                            Outcome.valueOf(r.get("outcome").asString()),
                            r.get("token").asLong(),
                            r.get("holder").asString(null),
                            r.get("remainingMs").asLong());
                });
        if (claim.outcome() == Outcome.HELD) {
            heldUntilNanos = 0;
        } else {
            token = claim.token();
            heldUntilNanos = asked + Duration.ofMillis(claim.remainingMs()).toNanos();
        }
        return claim;
    }

    /** Whether this replica holds the lease, as far as it knows (time since its last claim or window, not a read). */
    boolean held() {
        return heldUntilNanos != 0 && System.nanoTime() - heldUntilNanos < 0;
    }

    /** Held, with less than half its term left: renew before a window rather than let it lapse. */
    boolean renewalDue() {
        return heldUntilNanos - System.nanoTime() < ttl.toNanos() / 2;
    }

    /**
     * The first statement of a window's transaction: throws {@link LeaseLostException} (which rolls the transaction
     * back) unless this replica still holds the lease with its token; otherwise extends the lease, and the lock it
     * takes keeps every other replica from taking it until the window commits.
     */
    void fence(Writes writes) {
        long asked = System.nanoTime();
        Long remaining = writes.run(
                "projection/lease-fence",
                new Fencing(log, holder, token, ttl.toMillis()),
                result -> result.hasNext() ? result.single().get("remainingMs").asLong() : null);
        if (remaining == null) {
            throw new LeaseLostException(holder, token);
        }
        heldUntilNanos = asked + Duration.ofMillis(remaining).toNanos();
    }

    /** After a refused window: not held until a claim says so (a renewal when nobody took it in between). */
    void lost() {
        heldUntilNanos = 0;
    }

    /** Hands the lease back (only if this replica still holds it), so another replica need not wait for expiry. */
    void release() {
        if (token >= 0) {
            store.write(
                    "projection/lease-release",
                    new Releasing(log, holder, token),
                    CLAIM_TIMEOUT,
                    result -> result.list().size());
            heldUntilNanos = 0;
        }
    }

    /** The lease as the database holds it now; null before any replica claimed it. */
    State state() {
        // Under the lease's own limit: the projector reads it in its loop, and a small users' limit must not stall it.
        return store.read("projection/lease", Map.of("log", log), CLAIM_TIMEOUT, result -> {
            if (!result.hasNext()) {
                return null;
            }
            var r = result.next();
            return r.get("holder").isNull()
                    ? null
                    : new State(
                            r.get("holder").asString(),
                            r.get("token").asLong(),
                            r.get("remainingMs").asLong());
        });
    }

    /** lease-claim. */
    private record Claiming(String log, String holder, long token, long ttlMs) {}

    /** lease-fence. */
    private record Fencing(String log, String holder, long token, long ttlMs) {}

    /** lease-release. */
    private record Releasing(String log, String holder, long token) {}

    /** A window's transaction was refused: another replica took the lease (or it expired) since this one held it. */
    static final class LeaseLostException extends RuntimeException {

        LeaseLostException(String holder, long token) {
            super("The projector lease is no longer held by " + holder + " with token " + token
                    + ": the window is rolled back");
        }
    }
}
