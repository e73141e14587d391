package io.tributary.lineage;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A job's latest run is the one that started last (START time, else its first event), kept on the job by ingest. A
 * late START moves its run earlier: run A reports only COMPLETE at 10:05 and is the latest, run B then starts at 10:03;
 * when A's START (10:00) arrives last, B becomes the latest. Lineage nodes, the job and Marquez's job all say so.
 */
class LatestRunTest extends LineageTestSupport {

    private static final String NS = "latest";
    private static final String RUN_A = TestEvents.runId("latest-a");
    private static final String RUN_B = TestEvents.runId("latest-b");

    private static final String LATEST = """
            query($node: NodeRef!) {
              lineage(node: $node, direction: UPSTREAM) { nodes { name latestRunId latestRunState } }
              job(namespace: "latest", name: "etl") { latestRun { id } }
            }""";

    private static String event(String type, String time, String runId) {
        return TestEvents.run(
                type,
                time,
                runId,
                NS,
                "etl",
                Map.of(),
                List.of(TestEvents.dataset(NS, "in")),
                List.of(TestEvents.dataset(NS, "out")));
    }

    @Test
    void aLateStartHandsLatestToTheRunThatStartedAfterIt() {
        postAll(List.of(
                event("COMPLETE", "2025-03-01T10:05:00Z", RUN_A),
                event("START", "2025-03-01T10:03:00Z", RUN_B),
                event("RUNNING", "2025-03-01T10:04:00Z", RUN_B)));
        assertLatest(RUN_A, "COMPLETED");

        postAll(List.of(event("START", "2025-03-01T10:00:00Z", RUN_A)));
        assertLatest(RUN_B, "RUNNING");
    }

    private void assertLatest(String runId, String state) {
        var response = graphQl.document(LATEST)
                .variable("node", ref("DATASET", NS, "out"))
                .execute();
        response.path("lineage.nodes[?(@.name == 'etl')].latestRunId")
                .entityList(String.class)
                .containsExactly(runId);
        response.path("lineage.nodes[?(@.name == 'etl')].latestRunState")
                .entityList(String.class)
                .containsExactly(state);
        response.path("job.latestRun.id").entity(String.class).isEqualTo(runId);
        web.get()
                .uri("/api/v1/namespaces/{ns}/jobs/{name}", NS, "etl")
                .header("Authorization", "Bearer " + API_KEY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.latestRun.id")
                .isEqualTo(runId);
    }
}
