package io.tributary.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * Diagnostic: the cost of each ingest statement for a batch of the benchmark's events, each in its own transaction,
 * against a running service's Bolt port: {@code java -cp ... io.tributary.bench.StatementCosts bolt://127.0.0.1:PORT
 * [events per batch]}. Shows which statement dominates the write path.
 */
public final class StatementCosts {

    private StatementCosts() {}

    public static void main(String[] args) throws Exception {
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path cypher = Path.of("cypher/ingest");
        var workload = new Workload("costs", 400, 1_000, 7);
        var totals = new LinkedHashMap<String, Double>();
        int rounds = 20;
        try (var driver = GraphDatabase.driver(args[0], AuthTokens.none());
                var session = driver.session()) {
            for (int round = 0; round < rounds; round++) {
                var events = new ArrayList<Workload.Event>();
                for (int i = 0; events.size() < batch; i++) {
                    events.addAll(Workload.run(workload.job(round * batch + i), UUID.randomUUID(), Instant.now()));
                }
                var rows = CeilingRows.of(events);
                var statements = new LinkedHashMap<String, Collection<Map<String, Object>>>();
                statements.put("archive-events", rows.events);
                statements.put("upsert-jobs", rows.jobs);
                statements.put("upsert-datasets", rows.datasets);
                statements.put("upsert-schemas", rows.schemas);
                statements.put("upsert-fields", rows.schemas);
                statements.put("upsert-runs", rows.runs);
                statements.put("link-run-inputs", rows.runInputs);
                statements.put("link-run-outputs", rows.runOutputs);
                statements.put("link-job-inputs", rows.jobInputs);
                statements.put("link-job-outputs", rows.jobOutputs);
                statements.put("upsert-column-lineage", rows.columnLineage);
                for (var s : statements.entrySet()) {
                    String text = Files.readString(cypher.resolve(s.getKey() + ".cypher"));
                    long t = System.nanoTime();
                    session.executeWriteWithoutResult(tx -> tx.run(text, Map.of("rows", List.copyOf(s.getValue())))
                            .consume());
                    if (round >= 5) {
                        totals.merge(s.getKey(), (System.nanoTime() - t) / 1e6, Double::sum);
                    }
                }
            }
        }
        totals.forEach(
                (k, v) -> System.out.printf("%-24s %8.1f ms per batch of %d events%n", k, v / (rounds - 5), batch));
    }
}
