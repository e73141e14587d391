package io.tributary.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * Diagnostic: the cost of each ingest statement for a batch of the benchmark's events, each in its own transaction,
 * against a running service's Bolt port: {@code java -cp ... io.tributary.bench.StatementCosts bolt://127.0.0.1:PORT
 * [events per batch] [distinct jobs]}. Shows which statement dominates the write path.
 */
public final class StatementCosts {

    private StatementCosts() {}

    public static void main(String[] args) throws Exception {
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        // Reruns of this many jobs (the first rounds, not counted, create their graph): the steady state of a
        // scheduler rerunning its jobs, as in the ingest benchmark. Pass 400 or more to measure first sightings.
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path cypher = Path.of("cypher/ingest");
        var workload = new Workload("costs", 400, 1_000, 7);
        var totals = new LinkedHashMap<String, Double>();
        var rowCounts = new HashMap<String, Long>();
        int rounds = 20;
        try (var driver = GraphDatabase.driver(args[0], AuthTokens.none());
                var session = driver.session()) {
            for (int round = 0; round < rounds; round++) {
                var events = new ArrayList<Workload.Event>();
                for (int i = 0; events.size() < batch; i++) {
                    events.addAll(Workload.run(
                            workload.job((round * batch / 2 + i) % jobs), UUID.randomUUID(), Instant.now()));
                }
                var rows = CeilingRows.of(events);
                var statements = new LinkedHashMap<String, Supplier<List<Map<String, Object>>>>();
                var changing = new HashMap<String, List<Integer>>();
                statements.put("archive-events", () -> rows.events);
                statements.put("upsert-jobs", rows::jobs);
                statements.put("upsert-datasets", rows::datasets);
                statements.put("upsert-schemas", rows::schemas);
                statements.put("upsert-fields", () -> rows.schemaFields(changing.get("upsert-schemas")));
                statements.put("upsert-runs", () -> rows.runs);
                statements.put("link-run-inputs", rows::runInputs);
                statements.put("link-run-outputs", rows::runOutputs);
                statements.put("link-job-inputs", rows::jobInputs);
                statements.put("link-job-outputs", rows::jobOutputs);
                var versions = rows.lineageVersions();
                statements.put("upsert-column-lineage-versions", () -> versions);
                statements.put(
                        "column-lineage-changes",
                        () -> rows.columnLineageToCheck(versions, changing.get("upsert-column-lineage-versions")));
                statements.put(
                        "upsert-column-lineage",
                        () -> changing.get("column-lineage-changes").stream()
                                .map(rows.columnLineage::get)
                                .toList());
                for (var s : statements.entrySet()) {
                    String text = Files.readString(cypher.resolve(s.getKey() + ".cypher"));
                    List<Map<String, Object>> input = s.getValue().get();
                    long t = System.nanoTime();
                    // Statements that return row indexes (the rows that change the graph) feed the next one.
                    List<Integer> changed = input.isEmpty()
                            ? List.of()
                            : session.executeWrite(
                                    tx -> tx.run(text, Map.of("rows", input)).list(r -> {
                                        var index = r.get("index");
                                        return index.isNull() ? null : index.asInt();
                                    }));
                    changing.put(
                            s.getKey(),
                            changed.stream().filter(Objects::nonNull).toList());
                    if (round >= 5) {
                        totals.merge(s.getKey(), (System.nanoTime() - t) / 1e6, Double::sum);
                        rowCounts.merge(s.getKey(), (long) input.size(), Long::sum);
                    }
                }
            }
        }
        totals.forEach((k, v) -> System.out.printf(
                "%-32s %8.1f ms %7d rows per batch of %d events%n",
                k, v / (rounds - 5), rowCounts.get(k) / (rounds - 5), batch));
    }
}
