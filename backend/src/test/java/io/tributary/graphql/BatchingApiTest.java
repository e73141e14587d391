package io.tributary.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.store.GraphStore;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No N+1: a deep query over one dataset and over three runs the same statements the same number of times; every edge
 * from a list to its children is one batched read whatever the list's length.
 */
class BatchingApiTest extends EndToEndTest {

    private static final String DEEP = """
            query($first: Int) { datasets(namespace: "file", first: $first) { edges { node {
              name fields { name } schemaHistory { hash } quality { passed run { id } } facets
              symlinks { dataset { name lastSeen } }
              consumers { name }
              producers { name latestRun { id } runs(first: 2) { edges { node { id job { name } } } }
                          durationStats { count } children { name } parent { name } facets sourceCode { hidden } }
              lastRead { time run { id inputs { rowCount dataset { name } } } }
              lastWritten { time run { id error { message } externalQueries { source } facets jobFacets
                                       parent { id children { id } } outputs { bytes dataset { name } } } }
            } } } }""";

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void ingestTheSparkSet() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void readsTheSameStatementsForThreeDatasetsAsForOne() {
        Map<String, Long> forOne = readsDuring(1);
        Map<String, Long> forThree = readsDuring(3);
        assertThat(forOne)
                .containsKeys(
                        "read/dataset/page-in-namespace",
                        "read/dataset/symlinks",
                        "read/dataset/last-written",
                        "read/job/runs",
                        "read/run/events",
                        "read/run/children");
        assertThat(forThree).isEqualTo(forOne);
    }

    /** Reads per statement while answering {@link #DEEP} for the first {@code first} datasets of namespace file. */
    private Map<String, Long> readsDuring(int first) {
        // The projector's reads (the lineage index reading what a window touched) are not the request's.
        awaitProjection();
        Map<String, Long> before = reads();
        graphQl.document(DEEP)
                .variable("first", first)
                .execute()
                .path("datasets.edges")
                .entityList(Object.class)
                .hasSize(first);
        var during = new TreeMap<String, Long>();
        reads().forEach((statement, count) -> {
            long delta = count - before.getOrDefault(statement, 0L);
            if (delta > 0) {
                during.put(statement, delta);
            }
        });
        return during;
    }

    private Map<String, Long> reads() {
        var counts = new TreeMap<String, Long>();
        for (Timer timer : meters.find(GraphStore.READS).timers()) {
            counts.put(timer.getId().getTag("statement"), timer.count());
        }
        return counts;
    }
}
