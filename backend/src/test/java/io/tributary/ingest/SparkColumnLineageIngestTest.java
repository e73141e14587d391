package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkColumnLineageIngestTest extends EndToEndTest {

    private static final String CTAS_RUN = "019127df-0850-72bc-b214-b255290588a6";

    @Test
    void buildsRunStateLineageAndColumnDerivationsFromTheSparkCtasRun() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }

        assertThat(query(
                        "MATCH (r:Run {runId: $id}) RETURN r.state AS state, r.durationMs AS ms",
                        Map.of("id", CTAS_RUN)))
                .containsExactly(Map.of("state", "COMPLETED", "ms", 564L));
        assertThat(query("""
                        MATCH (i:Dataset)-[:READ_BY]->(j:Job)-[:WRITES]->(o:Dataset {name: '/tmp/cll_test/tbl1'})
                        RETURN i.name AS input ORDER BY input"""))
                .extracting(row -> row.get("input"))
                .containsExactly("/tmp/cll_test/cll_source1", "/tmp/cll_test/cll_source2");
        List<Map<String, Object>> derivations = query("""
                MATCH (s:Field)-[e:FEEDS]->(t:Field {dataset: '/tmp/cll_test/tbl1', name: 'agg'})
                RETURN s.dataset + '.' + s.name AS source, e.type AS type, e.subtype AS subtype
                ORDER BY source, type, subtype""");
        assertThat(derivations)
                .contains(Map.of("source", "/tmp/cll_test/cll_source2.c", "type", "DIRECT", "subtype", "AGGREGATION"));
    }
}
