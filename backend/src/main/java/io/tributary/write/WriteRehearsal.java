package io.tributary.write;

import io.tributary.event.LineageEvent;
import java.time.Duration;
import java.util.List;

/**
 * A transaction other than the graph commit that writes events to the graph (the projector's window, with an event
 * log), rehearsed by {@link IngestWarmUp} before readiness like the graph commit: its own statements planned, its code
 * run once, nothing written.
 */
public interface WriteRehearsal {

    void rehearse(List<LineageEvent> events, Duration timeout);
}
