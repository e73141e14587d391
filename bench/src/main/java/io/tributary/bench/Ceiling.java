package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;

/**
 * The raw ceiling: the service's own {@code cypher/ingest} statements, in the order {@code GraphWriter} runs them, with
 * the same rows, batched into large transactions over Bolt from one thread (as the service's single writer does).
 */
final class Ceiling {

    record Result(int batch, long events, double seconds, double perSecond) {}

    private final Driver driver;
    private final Path cypher;
    private final Workload workload;

    Ceiling(Driver driver, Path repository, Workload workload) {
        this.driver = driver;
        this.cypher = repository.resolve("cypher/ingest");
        this.workload = workload;
    }

    Result run(int batch, Duration length) throws IOException {
        Instant base = Instant.parse("2026-06-01T00:00:00Z");
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long events = 0;
        long i = 0;
        try (var session = driver.session()) {
            while (System.nanoTime() < end) {
                var group = new ArrayList<Workload.Event>(batch);
                while (group.size() < batch) {
                    group.addAll(Workload.run(workload.job(i), UUID.randomUUID(), base.plusSeconds(i)));
                    i++;
                }
                var rows = CeilingRows.of(group); // counted in the time, as the service counts building its rows
                session.executeWriteWithoutResult(tx -> write(tx, rows));
                events += group.size();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(batch, events, seconds, events / seconds);
    }

    private void write(TransactionContext tx, CeilingRows rows) {
        run(tx, "archive-events", rows.events);
        tx.run(statement("upsert-namespaces"), Map.of("names", List.copyOf(rows.namespaces)))
                .consume();
        run(tx, "upsert-jobs", rows.jobs());
        run(tx, "upsert-datasets", rows.datasets());
        run(tx, "upsert-fields", rows.schemaFields(changing(tx, "upsert-schemas", rows.schemas())));
        run(tx, "upsert-runs", rows.runs);
        run(tx, "link-run-inputs", rows.runInputs());
        run(tx, "link-run-outputs", rows.runOutputs());
        run(tx, "link-job-inputs", rows.jobInputs());
        run(tx, "link-job-outputs", rows.jobOutputs());
        var versions = rows.lineageVersions();
        var settled = changing(tx, "upsert-column-lineage-versions", versions);
        var lineage = changing(tx, "column-lineage-changes", rows.columnLineageToCheck(versions, settled));
        run(
                tx,
                "upsert-column-lineage",
                lineage.stream().map(rows.columnLineage::get).toList());
    }

    /** As {@code GraphWriter}: the statement returns the index of each row that changes the graph. */
    private List<Integer> changing(TransactionContext tx, String name, List<Map<String, Object>> rows) {
        var changing = new ArrayList<Integer>();
        if (!rows.isEmpty()) {
            tx.run(statement(name), Map.of("rows", rows))
                    .forEachRemaining(r -> changing.add(r.get("index").asInt()));
        }
        return changing;
    }

    private void run(TransactionContext tx, String name, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            tx.run(statement(name), Map.of("rows", rows)).consume();
        }
    }

    private String statement(String name) {
        try {
            return Files.readString(cypher.resolve(name + ".cypher"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
