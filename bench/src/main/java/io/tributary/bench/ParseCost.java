package io.tributary.bench;

import io.tributary.event.EventParser;
import io.tributary.event.LineageEvent;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What parsing an event costs ({@code -Dbench.mode=parse}): the CPU time of this thread per event for the intake's
 * {@link EventParser#parse} (schemas and content hash), with the facets that passed before remembered (as the service
 * runs) and without ({@code new EventParser(0)}), and for the projector's {@link EventParser#parseAccepted}, on the named
 * workloads' events. Each round takes the next 3,000 events of the workload's stream (new runs, reruns of the jobs of
 * earlier rounds, as a scheduler sends them), parsed by each of the three in an order that alternates between rounds;
 * the remembering parser keeps what it saw in earlier rounds. Thread CPU time, not wall time, so that other work on the
 * machine moves the figure little. {@code bench.workload}: estate, churn or both; 8 rounds, the first two unreported
 * (warm-up).
 */
final class ParseCost {

    private ParseCost() {}

    private enum Mode {
        REMEMBERING,
        VALIDATING_ALL,
        ACCEPTED
    }

    static void run() {
        List<String> workloads =
                List.of(System.getProperty("bench.workload", "estate,churn").split(","));
        int count = 3_000;
        int rounds = 8;
        var threads = ManagementFactory.getThreadMXBean();
        System.out.printf(
                "Parse cost: %d new events per round, %d rounds each; %s%n", count, rounds, Machine.describe());
        for (String name : workloads) {
            var workload = NamedWorkload.named(name.trim(), 42);
            var remembering = new EventParser();
            var validatingAll = new EventParser(0);
            var times = new java.util.EnumMap<Mode, List<Double>>(Mode.class);
            for (Mode mode : Mode.values()) {
                times.put(mode, new ArrayList<>());
            }
            long next = 0;
            long bytes = 0;
            for (int round = 0; round < rounds; round++) {
                var events = new ArrayList<String>(count);
                while (events.size() < count) {
                    events.addAll(workload.run(next++).events());
                }
                events.subList(count, events.size()).clear();
                var ids = events.stream()
                        .map(e -> validatingAll
                                .parse(e.getBytes(StandardCharsets.UTF_8))
                                .id())
                        .toList();
                bytes += events.stream()
                        .mapToLong(e -> e.getBytes(StandardCharsets.UTF_8).length)
                        .sum();
                var order = new ArrayList<>(List.of(Mode.values()));
                java.util.Collections.rotate(order, round);
                for (Mode mode : order) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long sink = 0;
                    for (int i = 0; i < count; i++) {
                        LineageEvent event = switch (mode) {
                            case REMEMBERING -> remembering.parse(events.get(i).getBytes(StandardCharsets.UTF_8));
                            case VALIDATING_ALL ->
                                validatingAll.parse(events.get(i).getBytes(StandardCharsets.UTF_8));
                            case ACCEPTED -> validatingAll.parseAccepted(events.get(i), ids.get(i));
                        };
                        sink += event.outputs().size();
                    }
                    double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1_000.0 / count;
                    if (sink < 0) {
                        throw new AssertionError();
                    }
                    if (round >= 2) {
                        times.get(mode).add(micros);
                    }
                }
            }
            System.out.printf(
                    "  %s (%.1f KB mean): CPU per event, validated remembering passed facets %s µs, validating every"
                            + " facet %s µs, accepted %s µs (rounds: %s / %s / %s); load average %s%n",
                    name,
                    bytes / 1024.0 / count / rounds,
                    median(times.get(Mode.REMEMBERING)),
                    median(times.get(Mode.VALIDATING_ALL)),
                    median(times.get(Mode.ACCEPTED)),
                    rounded(times.get(Mode.REMEMBERING)),
                    rounded(times.get(Mode.VALIDATING_ALL)),
                    rounded(times.get(Mode.ACCEPTED)),
                    String.format(
                            "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static String median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return String.format("%.0f", sorted.get(sorted.size() / 2));
    }
}
