package io.tributary.event;

/**
 * One reason an event was refused.
 *
 * @param pointer RFC 6901 JSON Pointer to the offending value, such as {@code /run/runId}; empty for the whole body
 * @param detail what is wrong, for a person reading the producer's logs
 */
public record Violation(String pointer, String detail) {

    /** The pointer as a dotted field path ({@code run.runId}, {@code inputs[0].name}), as people name fields. */
    public String field() {
        if (pointer.isEmpty()) {
            return "";
        }
        var field = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }
}
