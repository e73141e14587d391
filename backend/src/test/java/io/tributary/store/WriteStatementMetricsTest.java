package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Writes go through the store's one write door, which times each statement by name as reads are timed. */
class WriteStatementMetricsTest extends EndToEndTest {

    private static final List<String> STATEMENTS = List.of(
            // The file log (the default) is archived by the projector's window; the graph-commit path runs
            // ingest/archive-events instead.
            "projection/archive-events",
            "ingest/upsert-namespaces",
            "ingest/upsert-jobs",
            "ingest/upsert-datasets",
            "ingest/upsert-runs",
            "ingest/link-run-inputs",
            "ingest/link-run-outputs",
            "ingest/link-job-inputs",
            "ingest/link-job-outputs");

    @Autowired
    MeterRegistry meters;

    @Test
    void eachIngestStatementIsTimedByNameAndScrapedWithTheWriteMeter() {
        var before = STATEMENTS.stream().map(this::writes).toList();

        post(Fixtures.text("spark/compat-tests-cll/5.json")).expectStatus().isCreated();
        awaitProjection();

        for (int i = 0; i < STATEMENTS.size(); i++) {
            assertThat(writes(STATEMENTS.get(i))).as(STATEMENTS.get(i)).isGreaterThan(before.get(i));
        }
        assertThat(scrape()).contains("tributary_graph_writes_seconds_count{statement=\"ingest/upsert-runs\"");
    }

    private long writes(String statement) {
        Timer timer = meters.find(GraphStore.WRITES).tag("statement", statement).timer();
        return timer == null ? 0 : timer.count();
    }
}
