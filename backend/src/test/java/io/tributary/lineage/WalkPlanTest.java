package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.store.GraphStore;
import io.tributary.testing.EndToEndTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plans the fast walks rely on, as the embedded database plans them: each walk statement is one pruning
 * breadth-first expand that streams (no eager aggregation or sort over everything reachable, which would make the
 * early stop of {@link NearestFirst} useless and its level order a coincidence), and each job's latest run is one seek
 * on its pointer (Job.latestRunId) instead of a sort of the job's runs.
 */
class WalkPlanTest extends EndToEndTest {

    @Autowired
    GraphStore store;

    @Test
    void everyWalkStatementIsOneStreamingBreadthFirstExpand() {
        for (String kind : List.of("dataset", "job")) {
            for (String walk : List.of("downstream", "upstream", "impact")) {
                List<String> operators = explain("read/lineage/walk/" + kind + "-" + walk, current());

                assertThat(operators).as(kind + "-" + walk).anyMatch(o -> o.startsWith("VarLengthExpand(Pruning,BFS"));
                assertThat(operators).as(kind + "-" + walk).anyMatch(o -> o.startsWith("NodeUniqueIndexSeek"));
                assertThat(operators)
                        .as(kind + "-" + walk)
                        .noneMatch(o -> o.startsWith("EagerAggregation")
                                || o.startsWith("Sort")
                                || o.startsWith("Top")
                                || o.startsWith("Eager"));
            }
        }
    }

    @Test
    void theLatestRunOfEachJobIsOneSeekOnItsPointerNotASortOfItsRuns() {
        for (String kind : List.of("dataset", "job")) {
            for (String walk : List.of("downstream", "upstream")) {
                List<String> operators = explain("read/lineage/walk/" + kind + "-" + walk, current());

                // The start by its key, and each job's latest run by the job's latestRunId.
                assertThat(operators.stream().filter(o -> o.startsWith("NodeUniqueIndexSeek")))
                        .as(kind + "-" + walk)
                        .hasSizeGreaterThanOrEqualTo(2);
                assertThat(operators)
                        .as(kind + "-" + walk)
                        .noneMatch(o -> o.startsWith("Sort")
                                || o.startsWith("PartialSort")
                                || o.startsWith("Top")
                                || o.startsWith("PartialTop"));
            }
        }
    }

    /** The parameters of a walk of the current graph ({@code since} null). */
    private static Map<String, Object> current() {
        var parameters = new java.util.HashMap<String, Object>(Map.of("namespace", "n", "name", "x"));
        parameters.put("since", null);
        return parameters;
    }

    private List<String> explain(String statement, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            Plan plan = session.executeRead(tx -> tx.run("EXPLAIN " + store.statement(statement), parameters)
                    .consume()
                    .plan());
            var operators = new ArrayList<String>();
            collect(plan, operators);
            return operators;
        }
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }
}
