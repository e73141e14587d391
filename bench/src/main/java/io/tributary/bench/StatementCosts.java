package io.tributary.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.store.GraphStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * Diagnostic: the cost of each ingest statement for a batch of the benchmark's events, written by the service's own
 * writer (one transaction per batch) against a running service's Bolt port: {@code java -cp ...
 * io.tributary.bench.StatementCosts bolt://127.0.0.1:PORT [events per batch] [distinct jobs]}. Each statement's time
 * is the store's write meter ({@code tributary.graph.writes}, by statement); shows which statement dominates.
 */
public final class StatementCosts {

    private StatementCosts() {}

    public static void main(String[] args) {
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        // Reruns of this many jobs (the first rounds, not counted, create their graph): the steady state of a
        // scheduler rerunning its jobs, as in the ingest benchmark. Pass 400 or more to measure first sightings.
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        var workload = new Workload("costs", 400, 1_000, 7);
        int rounds = 20;
        int warmUp = 5;
        var meters = new SimpleMeterRegistry();
        double transactionMs = 0;
        try (var driver = GraphDatabase.driver(args[0], AuthTokens.none())) {
            var warming = new ServiceWriter(driver, new SimpleMeterRegistry());
            var measured = new ServiceWriter(driver, meters);
            for (int round = 0; round < rounds; round++) {
                var events = new ArrayList<Workload.Event>();
                for (int i = 0; events.size() < batch; i++) {
                    events.addAll(Workload.run(
                            workload.job((round * batch / 2 + i) % jobs), UUID.randomUUID(), Instant.now()));
                }
                var writer = round < warmUp ? warming : measured;
                var parsed = writer.parse(events);
                long t = System.nanoTime();
                writer.write(parsed);
                if (round >= warmUp) {
                    transactionMs += (System.nanoTime() - t) / 1e6;
                }
            }
        }
        int counted = rounds - warmUp;
        meters.find(GraphStore.WRITES).timers().stream()
                .sorted(Comparator.comparingDouble((Timer t) -> t.totalTime(TimeUnit.MILLISECONDS))
                        .reversed())
                .forEach(t -> System.out.printf(
                        "%-40s %8.1f ms per batch of %d events (%.0f runs)%n",
                        t.getId().getTag("statement"),
                        t.totalTime(TimeUnit.MILLISECONDS) / counted,
                        batch,
                        (double) t.count() / counted));
        System.out.printf(
                "%-40s %8.1f ms per batch (statements, rows built, commit)%n",
                "whole transaction", transactionMs / counted);
    }
}
