package io.tributary.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service's own time per write statement ({@code tributary_graph_writes_seconds}, by statement name), read from its
 * Prometheus endpoint before and after a level: where the projector's (and the log's) database time went, in the
 * running service rather than in a replay of the statements.
 */
final class StatementTimes {

    private static final Pattern SUM =
            Pattern.compile("^tributary_graph_writes_seconds_sum\\{[^}]*statement=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");

    /** The projector's whole window (read to commit), under this key beside the statements. */
    static final String WINDOWS = "(projection windows, in all)";

    /** Events in all projected windows and the number of windows, under these keys (counts, not seconds). */
    static final String WINDOW_EVENTS = "(window events)";

    static final String WINDOW_COUNT = "(windows)";

    private static final Pattern WINDOW_EVENTS_SUM =
            Pattern.compile("^tributary_projection_window_events_sum(\\{[^}]*})? ([0-9.eE+-]+)$");
    private static final Pattern WINDOW_EVENTS_COUNT =
            Pattern.compile("^tributary_projection_window_events_count(\\{[^}]*})? ([0-9.eE+-]+)$");
    private static final Pattern WINDOW_SUM =
            Pattern.compile("^tributary_projection_window_seconds_sum(\\{[^}]*})? ([0-9.eE+-]+)$");

    private StatementTimes() {}

    /** Seconds spent per statement since the service started (and the window counts under their keys). */
    static Map<String, Double> read(HttpClient http, URI prometheus) {
        try {
            var request = HttpRequest.newBuilder(prometheus)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            String text =
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            var seconds = new HashMap<String, Double>();
            for (String line : text.split("\n")) {
                var m = SUM.matcher(line);
                if (m.matches()) {
                    seconds.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
                }
                var w = WINDOW_SUM.matcher(line);
                if (w.matches()) {
                    seconds.merge(WINDOWS, Double.parseDouble(w.group(2)), Double::sum);
                }
                var we = WINDOW_EVENTS_SUM.matcher(line);
                if (we.matches()) {
                    seconds.merge(WINDOW_EVENTS, Double.parseDouble(we.group(2)), Double::sum);
                }
                var wc = WINDOW_EVENTS_COUNT.matcher(line);
                if (wc.matches()) {
                    seconds.merge(WINDOW_COUNT, Double.parseDouble(wc.group(2)), Double::sum);
                }
            }
            return seconds;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Milliseconds per event of each statement between two readings, largest first. */
    static Map<String, Double> perEvent(Map<String, Double> before, Map<String, Double> after, long events) {
        var ms = new LinkedHashMap<String, Double>();
        if (events == 0) {
            return ms;
        }
        after.entrySet().stream()
                .filter(e -> !e.getKey().equals(WINDOW_EVENTS) && !e.getKey().equals(WINDOW_COUNT))
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) * 1000 / events))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> ms.put(e.getKey(), e.getValue()));
        return ms;
    }
}
