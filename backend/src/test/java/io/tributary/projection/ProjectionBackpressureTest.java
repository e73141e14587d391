package io.tributary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.TestEvents;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/**
 * The projector held back by a real lock on its position node (a transaction of the test's own): ingest refuses with
 * 503 and Retry-After once the lag passes the limit, and a delete waits for the events acknowledged before it, so a
 * late projection of an older event does not revive the deleted dataset.
 */
@TestPropertySource(
        properties = {"tributary.log.mode=file", "tributary.projection.read-wait=2m", "tributary.projection.max-lag=1ms"
        })
class ProjectionBackpressureTest extends EndToEndTest {

    private static final String FIELDS = "[{\"name\":\"id\",\"type\":\"BIGINT\"}]";

    @Autowired
    ProjectionProgress progress;

    private static String event(String runId, String output, String time) {
        return TestEvents.run("COMPLETE", runId, "bp", "job-" + runId.substring(0, 8), time)
                .output("bp", output, FIELDS)
                .json();
    }

    /** Posts and reads back, so that the projector is caught up and its position node exists. */
    private void projected(String json, String dataset) {
        post(json).expectStatus().isCreated();
        graphQl.document("{ dataset(namespace: \"bp\", name: \"" + dataset + "\") { name } }")
                .execute()
                .path("dataset.name")
                .entity(String.class)
                .isEqualTo(dataset);
    }

    @Test
    void ingestAnswers503WithRetryAfterWhileTheProjectionLagsBeyondTheLimit() throws Exception {
        projected(event("11111111-1111-4111-8111-111111111111", "first", "2026-01-01T00:00:00Z"), "first");
        try (var session = driver.session();
                var hold = session.beginTransaction()) {
            hold.run("MATCH (p:ProjectionPosition) SET p.heldByTest = true").consume();
            post(event("22222222-2222-4222-8222-222222222222", "second", "2026-01-01T00:00:01Z"))
                    .expectStatus()
                    .isCreated();
            while (progress.lag().compareTo(Duration.ofMillis(1)) <= 0) {
                Thread.sleep(10);
            }
            var problem = problem(
                    post(event("33333333-3333-4333-8333-333333333333", "third", "2026-01-01T00:00:02Z"))
                            .expectHeader()
                            .exists(HttpHeaders.RETRY_AFTER),
                    503);
            assertThat(problem.get("detail").toString()).contains("retry later");
            hold.rollback();
        }
        // Once the projector is through, ingest takes events again.
        graphQl.document("{ dataset(namespace: \"bp\", name: \"second\") { name } }")
                .execute()
                .path("dataset.name")
                .entity(String.class)
                .isEqualTo("second");
        projected(event("33333333-3333-4333-8333-333333333333", "third", "2026-01-01T00:00:02Z"), "third");
    }

    @Test
    void aDeleteWaitsForOlderAcknowledgedEventsSoTheirLateProjectionDoesNotReviveTheDataset() throws Exception {
        projected(event("44444444-4444-4444-8444-444444444444", "doomed", "2026-01-02T00:00:00Z"), "doomed");
        CompletableFuture<Integer> delete;
        try (var session = driver.session();
                var hold = session.beginTransaction()) {
            // The next event's job, created and not committed: its projection waits for this lock before it reaches
            // the dataset, which the delete is free to change.
            hold.run("CREATE (:Job {namespace: 'bp', name: 'job-55555555'})").consume();
            // Acknowledged before the delete, projected after it was asked for: an older run mentioning the dataset.
            post(event("55555555-5555-4555-8555-555555555555", "doomed", "2026-01-01T00:00:00Z"))
                    .expectStatus()
                    .isCreated();
            delete = CompletableFuture.supplyAsync(() -> web.delete()
                    .uri("/api/v1/namespaces/bp/datasets/doomed")
                    .header("Authorization", "Bearer " + API_KEY)
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
            while (progress.waitingReads() == 0 && !delete.isDone()) {
                Thread.sleep(10);
            }
            assertThat(delete)
                    .as("the delete waits for the projection of the older event")
                    .isNotDone();
            hold.rollback();
        }
        assertThat(delete.get()).isEqualTo(200);
        // A read after everything acknowledged is projected: the dataset stays deleted.
        graphQl.document("{ projection { lagMs } }").execute();
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (d:Dataset {namespace: 'bp', name: 'doomed'}) RETURN d.deleted IS NOT NULL AS deleted",
                                    Map.of())
                            .single()
                            .get("deleted")
                            .asBoolean())
                    .isTrue();
        }
    }
}
