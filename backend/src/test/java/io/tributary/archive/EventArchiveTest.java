package io.tributary.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventArchiveTest extends EndToEndTest {

    private static final String APP_RUN = "019127de-fd25-7707-bfa4-3ec02693a531";

    @Test
    void returnsOneRunsEventsVerbatimInEventTimeOrderAcrossPages() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
        String query = """
                query($runId: ID, $after: String) {
                  events(runId: $runId, first: 1, after: $after) {
                    edges { node { eventType runId event } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""";
        var first = graphQl.document(query).variable("runId", APP_RUN).execute();
        first.path("events.edges[0].node.eventType").entity(String.class).isEqualTo("START");
        first.path("events.edges[0].node.event.eventTime").entity(String.class).isEqualTo("2024-08-06T13:26:49.98Z");
        first.path("events.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor =
                first.path("events.pageInfo.endCursor").entity(String.class).get();

        var second = graphQl.document(query)
                .variable("runId", APP_RUN)
                .variable("after", cursor)
                .execute();
        second.path("events.edges[0].node.eventType").entity(String.class).isEqualTo("COMPLETE");
        second.path("events.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void keepsCustomFacetsTheGraphDoesNotMap() {
        post(Fixtures.text("spark/compat-tests-cll/1.json")).expectStatus().isCreated();

        List<Map<String, Object>> archived = query("MATCH (e:Event) RETURN e.jsonGzip AS json");
        assertThat(archived).hasSize(1);
        assertThat(ArchivedJson.decompress((byte[]) archived.getFirst().get("json")))
                .isEqualTo(Fixtures.text("spark/compat-tests-cll/1.json"))
                .contains("spark_properties");
    }

    @Test
    void refusesACursorItDidNotIssue() {
        graphQl.document("{ events(after: \"not-a-cursor\") { edges { cursor } } }")
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == org.springframework.graphql.execution.ErrorType.BAD_REQUEST
                        && e.getMessage().contains("Invalid cursor"))
                .verify();
    }
}
