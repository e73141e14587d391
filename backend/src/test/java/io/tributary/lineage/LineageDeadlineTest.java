package io.tributary.lineage;

import io.tributary.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A traversal that outlives {@code tributary.lineage.deadline} stops and answers what it has, with
 * {@code truncated: true}, instead of an error or an unbounded walk. A 1 ns deadline makes every traversal slow.
 */
@TestPropertySource(properties = "tributary.lineage.deadline=1ns")
class LineageDeadlineTest extends LineageTestSupport {

    @Test
    void aTraversalPastItsDeadlineAnswersTheStartOnlyAndSaysTruncated() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
        var response = graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", "file", "/tmp/cll_test/tbl1"))
                .execute();

        response.path("lineage.truncated").entity(Boolean.class).isEqualTo(true);
        response.path("lineage.nodes[*].name").entityList(String.class).isEqualTo(List.of("/tmp/cll_test/tbl1"));
    }
}
