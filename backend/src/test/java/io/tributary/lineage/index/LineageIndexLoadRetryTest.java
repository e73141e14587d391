package io.tributary.lineage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.store.GraphStore;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.write.GraphChanges;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A load of the lineage index that fails (here one of its page reads is terminated in the database, as a page that
 * outlasts its timeout is) is tried again, and the index ends loaded with every node: one failed read does not leave
 * walks on Cypher until the next restart.
 */
class LineageIndexLoadRetryTest extends EndToEndTest {

    /** Loads of a few short pages each: one must be caught mid-read, which a warm service may need many tries for. */
    private static final int ATTEMPTS = 200;

    @Autowired
    GraphStore store;

    @Autowired
    GraphChanges changes;

    @Test
    void aFailedLoadIsTriedAgainUntilTheIndexIsLoaded() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
        awaitProjection();
        long nodes = count("MATCH (n) WHERE n:Dataset OR n:Job RETURN count(n)");
        var meters = new SimpleMeterRegistry();
        // One row per page: the load is many short read transactions, one of which the test terminates.
        var index = new LineageIndex(
                store, new LineageIndexProperties(true, 1, Duration.ofMinutes(2), 0.5), changes, meters);
        try {
            index.start();
            var failures = meters.counter("tributary.lineage.index.load.failures");
            for (int attempt = 1; failures.count() == 0 && attempt <= ATTEMPTS; attempt++) {
                while (failures.count() == 0 && index.loaded() == null) {
                    terminateALoadPage();
                }
                if (failures.count() == 0) {
                    // The whole load ran between two looks: load again and look again.
                    index.unload();
                    Thread.ofVirtual().start(index::loadQuietly);
                }
            }
            assertThat(failures.count()).as("loads failed").isPositive();

            await().atMost(Duration.ofMinutes(1)).until(() -> index.loaded() != null);
            assertThat(index.loaded().size()).isEqualTo(nodes);
        } finally {
            index.stop();
            index.unload();
        }
    }

    /** Terminates the transactions reading a page of the index's load, if any runs now. */
    private void terminateALoadPage() {
        var pages = query("""
                SHOW TRANSACTIONS YIELD transactionId, currentQuery
                WHERE currentQuery CONTAINS "The adjacency index's load"
                RETURN transactionId""");
        for (var page : pages) {
            query("TERMINATE TRANSACTION $id", Map.of("id", page.get("transactionId")));
        }
    }
}
