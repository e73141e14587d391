package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The list statements' plans: each page must be read from an index in order and stop at its limit, never by scanning
 * or sorting every run, job or dataset.
 */
class ReadPlansTest extends EndToEndTest {

    /** Operators that cap what flows above them: a sort over their output is a sort of a page, not of everything. */
    private static final List<String> BOUNDING = List.of("Limit", "PartialTop", "PartialSort");

    private static final OffsetDateTime T = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    GraphStore store;

    static Stream<Arguments> pagedStatements() {
        return Stream.of(
                Arguments.of("read/run/page"),
                Arguments.of("read/run/page-by-state"),
                Arguments.of("read/run/page-by-namespace"),
                Arguments.of("read/run/page-by-job"),
                Arguments.of("read/job/runs"),
                Arguments.of("read/job/durations"),
                Arguments.of("read/dataset/page"),
                Arguments.of("read/dataset/page-in-namespace"),
                Arguments.of("read/job/page"),
                Arguments.of("read/job/page-in-namespace"),
                Arguments.of("read/namespace/run-counts"),
                Arguments.of("read/namespace/job-counts"),
                Arguments.of("read/namespace/dataset-counts"),
                Arguments.of("read/run/events"),
                Arguments.of("log/read"));
    }

    @ParameterizedTest
    @MethodSource("pagedStatements")
    void readsFromIndexesAndNeverSortsAnUnboundedInput(String statement) {
        Plan plan = explain(statement);
        assertThat(operators(plan))
                .as(statement)
                .noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan"))
                .anyMatch(o -> o.startsWith("NodeIndexSeek") || o.startsWith("NodeUniqueIndexSeek"));
        assertThat(unboundedSorts(plan)).as(statement).isEmpty();
    }

    private Plan explain(String statement) {
        var parameters = new HashMap<String, Object>();
        for (String name : List.of("state", "namespace", "job", "afterId", "afterNamespace")) {
            parameters.put(name, "x");
        }
        parameters.put("since", T);
        parameters.put("until", T);
        parameters.put("upper", T);
        parameters.put("limit", 51);
        parameters.put("after", 0L);
        parameters.put("max", 500);
        parameters.put("fromName", "");
        parameters.put("fromNamespace", "");
        parameters.put("keys", List.of(Map.of("namespace", "n", "name", "j")));
        parameters.put("pages", List.of(Map.of("namespace", "n", "name", "j", "upper", T, "afterId", "x")));
        parameters.put("names", List.of("n"));
        parameters.put("ids", List.of("r"));
        try (var session = driver.session()) {
            return session.run("EXPLAIN " + store.statement(statement), parameters)
                    .consume()
                    .plan();
        }
    }

    private static List<String> operators(Plan plan) {
        var all = new ArrayList<String>();
        all.add(type(plan));
        plan.children().forEach(child -> all.addAll(operators(child)));
        return all;
    }

    /**
     * Full sorts (Sort, Top) with a path below them that reaches the data without a Limit or a partial sort, which
     * would mean sorting every matching node instead of reading them in index order.
     */
    private static List<String> unboundedSorts(Plan plan) {
        var found = new ArrayList<String>();
        if ((type(plan).equals("Sort") || type(plan).equals("Top")) && !boundedBelow(plan)) {
            found.add(type(plan) + " " + plan.arguments().get("Details"));
        }
        plan.children().forEach(child -> found.addAll(unboundedSorts(child)));
        return found;
    }

    private static boolean boundedBelow(Plan plan) {
        return !plan.children().isEmpty()
                && plan.children().stream().allMatch(child -> BOUNDING.contains(type(child)) || boundedBelow(child));
    }

    private static String type(Plan plan) {
        return plan.operatorType().replaceAll("@.*", "");
    }
}
