package io.tributary.write;

import io.tributary.event.LineageEvent;
import io.tributary.store.GraphStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.SimpleQueryRunner;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of events, archive and graph together, in one transaction: either every effect of every event in it
 * is committed, or none is. Statements run in dependency order (nodes before the edges between them).
 */
@Component
class GraphWriter {

    private final GraphStore store;

    GraphWriter(GraphStore store) {
        this.store = store;
    }

    void write(List<LineageEvent> batch, Duration timeout) {
        EventRows rows = EventRows.of(batch);
        store.write(
                tx -> {
                    writeRows(tx, rows);
                    return null;
                },
                timeout);
    }

    /**
     * Runs every statement {@link #write} would run for the batch, in a transaction that is rolled back: nothing is
     * written, but each statement is planned and its plan cached, as the first real write would otherwise do.
     */
    void rehearse(List<LineageEvent> batch, Duration timeout) {
        EventRows rows = EventRows.of(batch);
        store.rehearseWrite(tx -> writeRows(tx, rows), timeout);
    }

    private void writeRows(SimpleQueryRunner tx, EventRows rows) {
        run(tx, "ingest/archive-events", rows.events);
        if (!rows.namespaces.isEmpty()) {
            tx.run(store.statement("ingest/upsert-namespaces"), Map.of("names", List.copyOf(rows.namespaces)))
                    .consume();
        }
        run(tx, "ingest/upsert-jobs", rows.jobs());
        run(tx, "ingest/upsert-datasets", rows.datasets());
        // Only schemas that change a field are written field by field (a rerun's usually do not).
        run(tx, "ingest/upsert-fields", rows.schemaFields(changing(tx, "ingest/upsert-schemas", rows.schemas())));
        run(tx, "ingest/upsert-runs", rows.runs);
        run(tx, "ingest/link-run-parents", rows.parents);
        run(tx, "ingest/link-run-inputs", rows.runInputs());
        run(tx, "ingest/link-run-outputs", rows.runOutputs());
        run(tx, "ingest/link-job-inputs", rows.jobInputs());
        run(tx, "ingest/link-job-outputs", rows.jobOutputs());
        // A rerun repeating its dataset's newest column-lineage facet is settled: its edges are not
        // checked one by one.
        var versions = rows.lineageVersions();
        var settled = changing(tx, "ingest/upsert-column-lineage-versions", versions);
        // The check reads only the key columns; the whole row is sent only for the rows that change.
        var lineage = changing(tx, "ingest/column-lineage-changes", rows.columnLineageToCheck(versions, settled));
        run(
                tx,
                "ingest/upsert-column-lineage",
                lineage.stream().map(rows.columnLineage::get).toList());
        run(tx, "ingest/link-symlinks", rows.symlinks);
        run(tx, "ingest/upsert-quality", rows.quality);
    }

    /** Runs a statement that returns the {@code index} of each of its rows that changes the graph; those indexes. */
    private List<Integer> changing(SimpleQueryRunner tx, String statement, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var changing = new ArrayList<Integer>();
        tx.run(store.statement(statement), Map.of("rows", rows))
                .forEachRemaining(r -> changing.add(r.get("index").asInt()));
        return changing;
    }

    private void run(SimpleQueryRunner tx, String statement, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        tx.run(store.statement(statement), Map.of("rows", rows)).consume();
    }
}
