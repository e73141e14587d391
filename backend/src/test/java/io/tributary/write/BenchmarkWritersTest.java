package io.tributary.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.event.EventParser;
import io.tributary.event.LineageEvent;
import io.tributary.store.GraphStore;
import io.tributary.store.Neo4jProperties;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The benchmark's writers ({@code bench.mode=versions}): {@link GraphWriter#withoutVersions} projects everything but
 * the version bookkeeping, and {@link GraphStore#profilingWrites} records each write statement's database hits.
 * Written with the service's own statements over Bolt to the test's embedded database.
 */
class BenchmarkWritersTest extends EndToEndTest {

    /** A Spark CTAS run's START and COMPLETE: 2 inputs, 1 output. */
    private static final List<String> RUN = List.of("spark/compat-tests-cll/5.json", "spark/compat-tests-cll/8.json");

    @Autowired
    Neo4jProperties neo4j;

    @Test
    void withoutVersionsWritesTheRunAndItsLineageButNoVersions() {
        var meters = new SimpleMeterRegistry();
        var store = store(meters);
        project(GraphWriter.withoutVersions(store), store);

        assertThat(count("MATCH (:Dataset)-[:READ_BY]->(:Job)-[:WRITES]->(d:Dataset) RETURN count(d)"))
                .isEqualTo(2);
        assertThat(count("MATCH (r:Run {state: 'COMPLETED'}) RETURN count(r)")).isEqualTo(1);
        assertThat(count("MATCH (v:JobVersion) RETURN count(v)")).isZero();
        assertThat(count("MATCH (v:DatasetVersion) RETURN count(v)")).isZero();
        assertThat(count("MATCH (r:Run) WHERE r.jobVersion IS NOT NULL RETURN count(r)"))
                .isZero();
        assertThat(meters.find(GraphStore.WRITE_DB_HITS)
                        .tag("statement", "ingest/settle-current-lineage")
                        .summary())
                .isNull();
    }

    @Test
    void theServiceWriterOnAProfilingStoreWritesVersionsAndCountsEachStatementsDbHits() {
        var meters = new SimpleMeterRegistry();
        var store = store(meters);
        project(new GraphWriter(store), store);

        assertThat(count("MATCH (r:Run)-[:OF_VERSION]->(:JobVersion) RETURN count(r)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Run)-[:CREATED]->(v:DatasetVersion) RETURN count(v)"))
                .isEqualTo(1);
        for (String statement :
                List.of("ingest/upsert-runs", "ingest/link-job-versions", "ingest/settle-current-lineage")) {
            var hits = meters.find(GraphStore.WRITE_DB_HITS)
                    .tag("statement", statement)
                    .summary();
            assertThat(hits).as(statement).isNotNull();
            assertThat(hits.totalAmount()).as(statement).isPositive();
        }
    }

    private GraphStore store(SimpleMeterRegistry meters) {
        return GraphStore.profilingWrites(driver, neo4j, new GraphStore.ReadLimits(Duration.ofSeconds(10)), meters);
    }

    /** One window per event, as the projector applies them when they arrive apart. */
    private static void project(GraphWriter writer, GraphStore store) {
        var parser = new EventParser();
        for (String path : RUN) {
            LineageEvent event = parser.parse(Fixtures.text(path).getBytes(StandardCharsets.UTF_8));
            store.writeTransaction(Duration.ofSeconds(60), writes -> {
                writer.project(writes, List.of(event));
                return null;
            });
        }
    }
}
