package io.tributary.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service's own write-statement timers ({@code tributary_graph_writes_seconds}, by statement name) and projection
 * window meters, read from its Prometheus endpoint: taken before and after a level or a rebuild, they say where its
 * database time went, in the running service rather than in a replay of the statements.
 *
 * @param statementSeconds seconds spent in each write statement since the service started
 * @param windowSeconds seconds spent in projection windows (read to commit)
 * @param windowEvents events in all projected windows
 * @param windows projected windows
 */
record StatementTimes(Map<String, Double> statementSeconds, double windowSeconds, double windowEvents, double windows) {

    private static final Pattern STATEMENT =
            Pattern.compile("^tributary_graph_writes_seconds_sum\\{[^}]*statement=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$");
    private static final Pattern WINDOW = Pattern.compile(
            "^tributary_projection_window_(seconds_sum|events_sum|events_count)(\\{[^}]*})? ([0-9.eE+-]+)$");

    static StatementTimes read(HttpClient http, Service service) throws IOException, InterruptedException {
        String text = http.send(
                        HttpRequest.newBuilder(service.uri("/actuator/prometheus"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var statements = new HashMap<String, Double>();
        var window = new HashMap<String, Double>();
        for (String line : text.split("\n")) {
            var s = STATEMENT.matcher(line);
            if (s.matches()) {
                statements.merge(s.group(1), Double.parseDouble(s.group(2)), Double::sum);
            }
            var w = WINDOW.matcher(line);
            if (w.matches()) {
                window.merge(w.group(1), Double.parseDouble(w.group(3)), Double::sum);
            }
        }
        return new StatementTimes(
                statements,
                window.getOrDefault("seconds_sum", 0.0),
                window.getOrDefault("events_sum", 0.0),
                window.getOrDefault("events_count", 0.0));
    }

    /** Seconds of each statement that ran longer than {@code minSeconds} since {@code before}, largest first. */
    Map<String, Double> statementSecondsSince(StatementTimes before, double minSeconds) {
        var seconds = new LinkedHashMap<String, Double>();
        statementSeconds.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.statementSeconds.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > minSeconds)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> seconds.put(e.getKey(), e.getValue()));
        return seconds;
    }

    /** Milliseconds per event of each statement since {@code before}, largest first. */
    Map<String, Double> statementMsPerEventSince(StatementTimes before, long events) {
        var ms = new LinkedHashMap<String, Double>();
        if (events > 0) {
            statementSecondsSince(before, 0).forEach((statement, s) -> ms.put(statement, s * 1000 / events));
        }
        return ms;
    }

    /** Milliseconds of projection window per event since {@code before}. */
    double windowMsPerEventSince(StatementTimes before, long events) {
        return events == 0 ? 0 : (windowSeconds - before.windowSeconds) * 1000 / events;
    }

    /** Mean events per projected window since {@code before}; NaN when none was projected. */
    double eventsPerWindowSince(StatementTimes before) {
        double count = windows - before.windows;
        return count == 0 ? Double.NaN : (windowEvents - before.windowEvents) / count;
    }
}
