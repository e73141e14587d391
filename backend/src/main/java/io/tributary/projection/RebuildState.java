package io.tributary.projection;

import java.time.OffsetDateTime;

/**
 * Where a rebuild of the graph from the event log stands, as REST and GraphQL show it.
 *
 * @param phase {@code NONE} (never asked for), {@code REQUESTED} (the projector first catches up to the target),
 *     {@code CLEARING} (hand-set values kept aside, then the graph deleted in batches), {@code REPLAYING}, {@code RESTORING} (hand-set
 *     values set again) or {@code DONE}
 * @param target the log position committed when it was asked for: the replay ends there, then projection goes on
 * @param replayed events replayed so far
 * @param kept datasets and jobs whose hand-set tags or soft delete were kept aside and restored
 * @param cleared nodes deleted while clearing
 * @param error the last failure of a step, which is being tried again; null when none
 * @param clearMs how long clearing took; null until done
 * @param replayMs how long the replay took; null until done
 * @param restoreMs how long restoring hand-set values took; null until done
 */
public record RebuildState(
        Phase phase,
        long target,
        long replayed,
        long kept,
        long cleared,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String error,
        OffsetDateTime errorAt,
        Long clearMs,
        Long replayMs,
        Long restoreMs) {

    public static final RebuildState NONE =
            new RebuildState(Phase.NONE, 0, 0, 0, 0, null, null, null, null, null, null, null);

    /** The steps of a rebuild, in order; each is recorded before it starts, so a restart resumes it. */
    public enum Phase {
        NONE,
        REQUESTED,
        CLEARING,
        REPLAYING,
        RESTORING,
        DONE;

        /** Between a request and its end: the graph is (or is about to be) incomplete. */
        public boolean active() {
            return this != NONE && this != DONE;
        }
    }

    public boolean active() {
        return phase.active();
    }
}
