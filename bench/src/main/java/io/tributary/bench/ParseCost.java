package io.tributary.bench;

import io.tributary.event.EventParser;
import io.tributary.event.LineageEvent;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the projector saves by reading accepted events back without validating them again ({@code
 * -Dbench.mode=parse}): the CPU time of this thread per event, {@link EventParser#parse} (the intake: schemas and
 * content hash) against {@link EventParser#parseAccepted} (the projector), on the named workloads' events, in
 * alternating rounds. Thread CPU time, not wall time, so that other work on the machine moves the figure little.
 * {@code bench.workload}: estate, churn or both; 3,000 events per round, 6 rounds of each, the first two unreported
 * (warm-up).
 */
final class ParseCost {

    private ParseCost() {}

    static void run() {
        List<String> workloads =
                List.of(System.getProperty("bench.workload", "estate,churn").split(","));
        int count = 3_000;
        int rounds = 6;
        var threads = ManagementFactory.getThreadMXBean();
        var parser = new EventParser();
        System.out.printf("Parse cost: %d events per round, %d rounds each; %s%n", count, rounds, Machine.describe());
        for (String name : workloads) {
            var workload = NamedWorkload.named(name.trim(), 42);
            var events = new ArrayList<String>(count);
            for (long n = 0; events.size() < count; n++) {
                events.addAll(workload.run(n).events());
            }
            events.subList(count, events.size()).clear();
            var ids = events.stream()
                    .map(e -> parser.parse(e.getBytes(StandardCharsets.UTF_8)).id())
                    .toList();
            long bytes = events.stream()
                    .mapToLong(e -> e.getBytes(StandardCharsets.UTF_8).length)
                    .sum();
            var validated = new ArrayList<Double>();
            var accepted = new ArrayList<Double>();
            for (int round = 0; round < rounds; round++) {
                boolean validateFirst = round % 2 == 0;
                for (int half = 0; half < 2; half++) {
                    boolean validate = (half == 0) == validateFirst;
                    long cpu = threads.getCurrentThreadCpuTime();
                    long sink = 0;
                    for (int i = 0; i < count; i++) {
                        LineageEvent event = validate
                                ? parser.parse(events.get(i).getBytes(StandardCharsets.UTF_8))
                                : parser.parseAccepted(events.get(i), ids.get(i));
                        sink += event.outputs().size();
                    }
                    double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1_000.0 / count;
                    if (sink < 0) {
                        throw new AssertionError();
                    }
                    if (round >= 2) {
                        (validate ? validated : accepted).add(micros);
                    }
                }
            }
            System.out.printf(
                    "  %s (%d events, %.1f KB mean): CPU per event, validated %s µs, accepted %s µs (rounds: %s / %s); "
                            + "load average %s%n",
                    name,
                    count,
                    bytes / 1024.0 / count,
                    median(validated),
                    median(accepted),
                    rounded(validated),
                    rounded(accepted),
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
