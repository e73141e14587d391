package io.tributary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.event.EventParser;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.TestEvents;
import io.tributary.write.GraphWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With the file log (the default here), a rebuild is refused while the archive holds an event the log does not: one
 * written by the graph-commit path ({@code tributary.log.mode=none}), as every store that ran before the log was the
 * default holds them. Once the event is sent again (an import does the same), it is in the log and the rebuild keeps
 * it. A store of its own (the log mode named), so that the rebuild replays this test's events only.
 */
@TestPropertySource(properties = "tributary.log.mode=file")
class RebuildGuardTest extends EndToEndTest {

    private static final String FIELDS = "[{\"name\":\"id\",\"type\":\"BIGINT\"}]";

    @Autowired
    GraphWriter graphCommit;

    @Autowired
    EventParser parser;

    private static String event(String runId, String output) {
        return TestEvents.run("COMPLETE", runId, "guard", "job-" + runId.substring(0, 8), "2026-01-01T00:00:00Z")
                .output("guard", output, FIELDS)
                .json();
    }

    @Test
    void aRebuildThatWouldLoseAnArchivedEventIsRefusedUntilTheEventIsInTheLog() {
        post(event("11111111-1111-4111-8111-111111111111", "logged"))
                .expectStatus()
                .isCreated();
        awaitProjection();
        String beforeTheLog = event("22222222-2222-4222-8222-222222222222", "before-the-log");
        graphCommit.write(List.of(parser.parse(beforeTheLog.getBytes(StandardCharsets.UTF_8))), Duration.ofMinutes(1));

        var refused = problem(rebuild(), 409);
        assertThat(refused.get("type").toString()).endsWith(RebuildRefusedException.TYPE);
        assertThat(refused.get("detail").toString()).startsWith("1 archived event is not in the event log");
        assertThat(state()).containsEntry("phase", "NONE");

        post(beforeTheLog).expectStatus().isCreated();
        rebuild().expectStatus().isAccepted();
        Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> state().get("phase"), "DONE"::equals);
        for (String dataset : List.of("logged", "before-the-log")) {
            graphQl.document("query($name: String!) { dataset(namespace: \"guard\", name: $name) { name } }")
                    .variable("name", dataset)
                    .execute()
                    .path("dataset.name")
                    .entity(String.class)
                    .isEqualTo(dataset);
        }
    }

    private WebTestClient.ResponseSpec rebuild() {
        return RebuildRequests.request(web, API_KEY);
    }

    private Map<String, Object> state() {
        return RebuildRequests.state(web, API_KEY);
    }
}
