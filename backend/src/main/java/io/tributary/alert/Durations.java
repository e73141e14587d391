package io.tributary.alert;

import java.time.Duration;
import java.util.Locale;

/** Durations as rules are written ({@code 6h}, {@code 90m}, {@code 2d} or ISO-8601 {@code PT6H}) and shown. */
final class Durations {

    private Durations() {}

    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        try {
            if (t.startsWith("P")) {
                return Duration.parse(t);
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'S' -> Duration.ofSeconds(amount);
                case 'M' -> Duration.ofMinutes(amount);
                case 'H' -> Duration.ofHours(amount);
                case 'D' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write e.g. 30m, 6h, 2d or PT6H");
        }
    }

    static String text(Duration d) {
        if (d.toSeconds() % 86_400 == 0) {
            return d.toDays() + "d";
        }
        if (d.toSeconds() % 3_600 == 0) {
            return d.toHours() + "h";
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
