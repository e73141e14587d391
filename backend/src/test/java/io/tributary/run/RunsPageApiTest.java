package io.tributary.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.TestEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/** The Runs page over generated runs of known jobs, states and start times. */
class RunsPageApiTest extends EndToEndTest {

    private static final String A1_AT_1 = "00000000-0000-4000-8000-00000000a101";
    private static final String A2_AT_2 = "00000000-0000-4000-8000-00000000a202";
    private static final String A1_AT_3 = "00000000-0000-4000-8000-00000000a103";
    private static final String B1_AT_4 = "00000000-0000-4000-8000-00000000b104";
    private static final String B1_AT_5 = "00000000-0000-4000-8000-00000000b105";
    /** Two runs started at the same instant: the run id breaks the tie. */
    private static final String C1_AT_6 = "00000000-0000-4000-8000-00000000c106";

    private static final String C2_AT_6 = "00000000-0000-4000-8000-00000000c206";
    /** Known only from C1's parent facet: a placeholder, left out of run lists. */
    private static final String UNSEEN_PARENT = "00000000-0000-4000-8000-00000000dddd";

    private static final String QUERY = """
            query($filter: RunFilter, $first: Int, $after: String) {
              runs(filter: $filter, first: $first, after: $after) {
                edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""";

    @BeforeEach
    void runJobsInTwoNamespaces() {
        start(A1_AT_1, "alpha", "a1", 1).complete(A1_AT_1, "alpha", "a1", 1, "COMPLETE");
        start(A2_AT_2, "alpha", "a2", 2);
        start(A1_AT_3, "alpha", "a1", 3).complete(A1_AT_3, "alpha", "a1", 3, "FAIL");
        start(B1_AT_4, "beta", "b1", 4).complete(B1_AT_4, "beta", "b1", 4, "COMPLETE");
        start(B1_AT_5, "beta", "b1", 5).complete(B1_AT_5, "beta", "b1", 5, "FAIL");
        post(TestEvents.run("START", C1_AT_6, "gamma", "c1", time(6))
                        .parent(UNSEEN_PARENT, "gamma", "dag")
                        .json())
                .expectStatus()
                .isCreated();
        start(C2_AT_6, "gamma", "c2", 6);
    }

    @Test
    void listsEveryRunNewestFirstPagingWithoutGapsOrRepeats() {
        var seen = new ArrayList<String>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            var page = graphQl.document(QUERY)
                    .variable("first", 2)
                    .variable("after", after)
                    .execute();
            seen.addAll(
                    page.path("runs.edges[*].node.id").entityList(String.class).get());
            hasNext =
                    page.path("runs.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("runs.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen).containsExactly(C2_AT_6, C1_AT_6, B1_AT_5, B1_AT_4, A1_AT_3, A2_AT_2, A1_AT_1);
    }

    @Test
    void filtersByStateNamespaceJobAndStartTime() {
        assertThat(ids(Map.of("state", "FAILED"))).containsExactly(B1_AT_5, A1_AT_3);
        assertThat(ids(Map.of("state", "RUNNING"))).containsExactly(C2_AT_6, C1_AT_6, A2_AT_2);
        assertThat(ids(Map.of("namespace", "alpha"))).containsExactly(A1_AT_3, A2_AT_2, A1_AT_1);
        assertThat(ids(Map.of("namespace", "alpha", "state", "COMPLETED"))).containsExactly(A1_AT_1);
        assertThat(ids(Map.of("namespace", "alpha", "job", "a1"))).containsExactly(A1_AT_3, A1_AT_1);
        assertThat(ids(Map.of("namespace", "beta", "job", "b1", "state", "FAILED")))
                .containsExactly(B1_AT_5);
        assertThat(ids(Map.of("since", time(2), "until", time(4)))).containsExactly(A1_AT_3, A2_AT_2);
        assertThat(ids(Map.of("state", "FAILED", "since", time(4)))).containsExactly(B1_AT_5);
    }

    @Test
    void leavesOutRunsKnownOnlyAsAParentButStillResolvesThemAsParents() {
        assertThat(ids(Map.of("namespace", "gamma"))).containsExactly(C2_AT_6, C1_AT_6);
        graphQl.document("query($id: ID!) { run(id: $id) { parent { id state job { name } children { id } } } }")
                .variable("id", C1_AT_6)
                .execute()
                .path("run.parent")
                .matchesJsonStrictly("""
                        { "id": "%s", "state": "RUNNING", "job": { "name": "dag" }, "children": [ { "id": "%s" } ] }""".formatted(UNSEEN_PARENT, C1_AT_6));
    }

    @Test
    void refusesBadArguments() {
        expectBadRequest(Map.of("filter", Map.of("job", "a1")), "filter.job needs filter.namespace");
        expectBadRequest(Map.of("first", 0), "first must be between 1 and 500, was 0");
        expectBadRequest(Map.of("first", 501), "first must be between 1 and 500, was 501");
        expectBadRequest(Map.of("after", "bm90LWEtY3Vyc29y"), "Invalid cursor");
    }

    private void expectBadRequest(Map<String, Object> variables, String message) {
        var request = graphQl.document(QUERY);
        variables.forEach(request::variable);
        request.execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && e.getMessage().contains(message))
                .verify();
    }

    private List<String> ids(Map<String, Object> filter) {
        return graphQl.document(QUERY)
                .variable("filter", filter)
                .execute()
                .path("runs.edges[*].node.id")
                .entityList(String.class)
                .get();
    }

    private RunsPageApiTest start(String runId, String namespace, String job, int hour) {
        post(TestEvents.run("START", runId, namespace, job, time(hour)).json())
                .expectStatus()
                .isCreated();
        return this;
    }

    private void complete(String runId, String namespace, String job, int hour, String eventType) {
        post(TestEvents.run(eventType, runId, namespace, job, "2024-05-01T%02d:30:00Z".formatted(hour))
                        .json())
                .expectStatus()
                .isCreated();
    }

    private static String time(int hour) {
        return "2024-05-01T%02d:00:00Z".formatted(hour);
    }
}
