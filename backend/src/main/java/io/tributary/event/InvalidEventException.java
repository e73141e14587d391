package io.tributary.event;

import java.util.List;

/** The event cannot be accepted as sent; nothing of it was written. */
public class InvalidEventException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidEventException(List<Violation> violations) {
        super(
                violations.isEmpty()
                        ? "Invalid event"
                        : violations.getFirst().field() + ": "
                                + violations.getFirst().detail());
        this.violations = List.copyOf(violations);
    }

    public InvalidEventException(String pointer, String detail) {
        this(List.of(new Violation(pointer, detail)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
