package io.tributary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.TestEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * With the file event log, ingest acknowledges the append and the projector builds the graph: a read right after a
 * 201 sees the event, an event the graph cannot take is quarantined while the rest flow, and the log and projection
 * meters are scraped.
 */
@TestPropertySource(properties = {"tributary.log.mode=file", "tributary.projection.read-wait=2m"})
class ProjectionTest extends EndToEndTest {

    private static final String FIELDS = "[{\"name\":\"id\",\"type\":\"BIGINT\"}]";

    private static String event(String runId, String output, String time) {
        return TestEvents.run("COMPLETE", runId, "proj", "job-" + runId.substring(0, 8), time)
                .output("proj", output, FIELDS)
                .json();
    }

    @Test
    void aReadRightAfterA201SeesTheEventAndTheAnswerCarriesItsLogPosition() {
        String position = post(event("11111111-1111-4111-8111-111111111111", "orders", "2026-01-01T00:00:00Z"))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .exists(ReadYourWrites.POSITION)
                .returnResult(Void.class)
                .getResponseHeaders()
                .getFirst(ReadYourWrites.POSITION);
        assertThat(Long.parseLong(position)).isPositive();

        // Raw, because the GraphQL tester's paths are under "data": the answer is complete, so no extension says
        // otherwise (ProjectionLagTest shows the extension when it is not).
        web.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ dataset(namespace: \"proj\", name: \"orders\") { name } }"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.dataset.name")
                .isEqualTo("orders")
                .jsonPath("$.extensions.projection")
                .doesNotExist();
    }

    @Test
    void aClientSendsThePositionBackAndReadsItsEventOverRest() {
        String position = post(event("22222222-2222-4222-8222-222222222222", "refunds", "2026-01-01T00:00:00Z"))
                .expectStatus()
                .isCreated()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getFirst(ReadYourWrites.POSITION);

        String export = web.get()
                .uri("/api/v1/export")
                .header("Authorization", "Bearer " + API_KEY)
                .header(ReadYourWrites.POSITION, position)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(ReadYourWrites.PROJECTION)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(export).contains("refunds");
    }

    @Test
    void anEventTheGraphCannotTakeIsQuarantinedAndTheOthersFlow() {
        // Valid OpenLineage, but a name beyond what the key index of a Dataset can hold: the graph refuses it.
        String tooLong = "x".repeat(40_000);
        post(event("33333333-3333-4333-8333-333333333333", "before", "2026-01-01T00:00:00Z"))
                .expectStatus()
                .isCreated();
        post(event("44444444-4444-4444-8444-444444444444", tooLong, "2026-01-01T00:00:01Z"))
                .expectStatus()
                .isCreated();
        post(event("55555555-5555-4555-8555-555555555555", "after", "2026-01-01T00:00:02Z"))
                .expectStatus()
                .isCreated();

        var response = graphQl.document("""
                        { before: dataset(namespace: "proj", name: "before") { name }
                          after: dataset(namespace: "proj", name: "after") { name }
                          projection { log lagMs quarantined { id error position } } }""").execute();
        response.path("before.name").entity(String.class).isEqualTo("before");
        response.path("after.name").entity(String.class).isEqualTo("after");
        response.path("projection.log").entity(String.class).isEqualTo("file");
        List<Map<String, Object>> quarantined = response.path("projection.quarantined")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(quarantined).hasSize(1);
        assertThat((String) quarantined.getFirst().get("error")).isNotBlank();
        // Its raw event is archived all the same, and nothing of it reached the graph.
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (e:Event {id: $id}) RETURN count(e) AS n",
                                    Map.of("id", quarantined.getFirst().get("id")))
                            .single()
                            .get("n")
                            .asLong())
                    .isEqualTo(1);
            assertThat(session.run("MATCH (d:Dataset) WHERE size(d.name) > 1000 RETURN count(d) AS n")
                            .single()
                            .get("n")
                            .asLong())
                    .isZero();
        }
        assertThat(scrape()).containsPattern("tributary_projection_quarantined_events_total [1-9]");
    }

    @Test
    void prometheusCarriesTheIngestLogAndProjectionMetersAfterAnIngest() {
        post(event("66666666-6666-4666-8666-666666666666", "metered", "2026-01-01T00:00:00Z"))
                .expectStatus()
                .isCreated();
        graphQl.document("{ dataset(namespace: \"proj\", name: \"metered\") { name } }")
                .execute()
                .path("dataset.name")
                .entity(String.class)
                .isEqualTo("metered");

        String scrape = scrape();
        assertThat(scrape)
                .containsPattern("tributary_ingest_events_total\\{outcome=\"accepted\"} [1-9]")
                .containsPattern("tributary_log_appended_events_total\\{log=\"file\"} [1-9]")
                .containsPattern("tributary_log_commit_seconds_count\\{log=\"file\"} [1-9]")
                .containsPattern("tributary_projection_events_total [1-9]")
                .containsPattern("tributary_projection_window_seconds_count [1-9]")
                .containsPattern("tributary_projection_window_events_count [1-9]")
                .contains("tributary_projection_lag_seconds ")
                .contains("tributary_projection_waiting_events ")
                .containsPattern("tributary_projection_position [1-9]")
                // the output's schema facet was looked up among the facets that passed validation before
                .containsPattern("cache_gets_total\\{cache=\"passed-facets\",result=\"(hit|miss)\"} [1-9]")
                .contains("cache_size{cache=\"passed-facets\"}");
    }
}
