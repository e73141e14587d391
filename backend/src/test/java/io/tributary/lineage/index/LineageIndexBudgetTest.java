package io.tributary.lineage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.store.GraphStore;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.write.GraphChanges;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lineage index stays within its share of the heap: a store whose index would not fit is not loaded (walks use
 * Cypher) and not tried again in a loop, and patches that take a loaded index past its share drop it, so a store that
 * outgrows the heap slows lineage down instead of running the service out of memory.
 */
class LineageIndexBudgetTest extends EndToEndTest {

    @Autowired
    GraphStore store;

    @Autowired
    GraphChanges changes;

    @Test
    void anIndexLargerThanItsShareOfTheHeapIsNotLoadedNorTriedAgain() {
        postSpark(1, 5);
        var meters = new SimpleMeterRegistry();
        // A share of a few hundred bytes: the first page of jobs takes the index past it.
        var index = new LineageIndex(store, properties(300), changes, meters);
        try {
            index.start();
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> gauge(meters, "tributary.lineage.index.over.budget") == 1);

            assertThat(index.loaded()).isNull();
            assertThat(index.ready()).isNull();
            assertThat(meters.counter("tributary.lineage.index.load.failures").count())
                    .as("an index over budget is not a failed load to try again")
                    .isZero();
            assertThat(gauge(meters, "tributary.lineage.index.budget")).isBetween(1.0, 1_000.0);
        } finally {
            index.stop();
            index.unload();
        }
    }

    @Test
    void patchesThatTakeALoadedIndexPastItsShareDropIt() {
        postSpark(1, 4);
        var measure = new LineageIndex(store, properties(Long.MAX_VALUE), changes, new SimpleMeterRegistry());
        long loaded;
        try {
            loaded = measure.load().bytes();
        } finally {
            measure.unload();
        }
        var meters = new SimpleMeterRegistry();
        // Room for what is there now and a little more; size checked after every patch.
        var index = new LineageIndex(store, properties(loaded + 64), changes, meters, 0);
        try {
            index.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> index.loaded() != null);
            assertThat(gauge(meters, "tributary.lineage.index.over.budget")).isZero();

            postSpark(5, 9);

            await().atMost(Duration.ofMinutes(1))
                    .until(() -> gauge(meters, "tributary.lineage.index.over.budget") == 1);
            assertThat(index.loaded()).isNull();
            assertThat(meters.counter("tributary.lineage.index.load.failures").count())
                    .isZero();
        } finally {
            index.stop();
            index.unload();
        }
    }

    /** Enabled, with a heap share that gives the index about {@code bytes}. */
    private static LineageIndexProperties properties(long bytes) {
        double share = Math.min(1.0, (double) bytes / Runtime.getRuntime().maxMemory());
        return new LineageIndexProperties(true, 50_000, Duration.ofMinutes(2), share);
    }

    private void postSpark(int from, int to) {
        for (int i = from; i <= to; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
        awaitProjection();
    }

    private static double gauge(SimpleMeterRegistry meters, String name) {
        return meters.get(name).gauge().value();
    }
}
