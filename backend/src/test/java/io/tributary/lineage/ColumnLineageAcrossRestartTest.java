package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.store.GraphStore;
import io.tributary.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every migration (V0015, which converts schemas to schemas by hash, included) applied again at start-up, as when a
 * store's migrations were not recorded, must change nothing on a store written by ingest: column lineage read after
 * it is the one read before it.
 */
class ColumnLineageAcrossRestartTest extends LineageTestSupport {

    private static final String NS = "file";

    @Autowired
    GraphStore store;

    @Test
    void columnLineageOfIngestedSparkEventsIsUnchangedWhenTheStartUpPathRunsAgain() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
        List<Column> before = columns();
        var graphBefore = canonicalGraph();
        assertThat(before).hasSize(7);

        // Every migration applied again over the data, twice, as on a store whose migrations were not recorded.
        forgetMigrations("V");
        store.afterPropertiesSet();
        forgetMigrations("V");
        store.afterPropertiesSet();

        assertThat(canonicalGraph()).isEqualTo(graphBefore);
        assertThat(columns()).isEqualTo(before);
    }

    private List<Column> columns() {
        return graphQl.document(COLUMN_LINEAGE)
                .variable("node", ref("DATASET", NS, "/tmp/cll_test/tbl1"))
                .execute()
                .path("columnLineage.nodes")
                .entityList(Column.class)
                .get();
    }
}
