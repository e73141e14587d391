package io.tributary.log;

/** An event as read back from the log, with the position it was committed at. */
public record LoggedEvent(LogPosition position, EventRecord record) {}
