package io.tributary.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.TestEvents;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Subscriptions end to end: real events ingested over HTTP reach subscribers connected over WebSocket (Spring's
 * GraphQL client on Reactor Netty) and over Server-Sent Events (a streaming WebClient).
 */
class SubscriptionsTest extends EndToEndTest {

    /** How long a step may wait for the service on a loaded machine; nothing asserts on time. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static final String FULL_EVENT = "spec-examples/python_client__example_full_event.json";
    private static final String FULL_EVENT_RUN = "ea041791-68bc-4ae1-bd89-4c8106a157e4";

    private static final String RUNS = """
            subscription($filter: RunUpdateFilter) {
              runUpdated(filter: $filter) { id state startedAt endedAt job { namespace name } }
            }""";

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @Autowired
    private MeterRegistry meters;

    private WebSocketGraphQlClient ws;

    @BeforeEach
    void connect() {
        ws = WebSocketGraphQlClient.builder(
                        URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                .build();
    }

    @AfterEach
    void disconnect() {
        ws.stop().block(PATIENCE);
        // Subscriptions of one test must not be counted as ready ones by the next.
        await().atMost(PATIENCE).until(() -> subscribers() == 0);
    }

    @Test
    void anIngestedEventReachesAWebSocketSubscriber() {
        Flux<ClientGraphQlResponse> updates = ws.document(RUNS).executeSubscription();

        StepVerifier.create(updates)
                .then(() -> ingestOnceSubscribed(1, Fixtures.text(FULL_EVENT)))
                .assertNext(response -> assertThat(response.field("runUpdated").toEntity(MAP))
                        .containsEntry("id", FULL_EVENT_RUN)
                        .containsEntry("state", "COMPLETED")
                        .containsEntry("endedAt", "2020-12-28T19:51:01.641Z")
                        .containsEntry("job", Map.of("namespace", "my-scheduler-namespace", "name", "myjob.mytask")))
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void anIngestedEventReachesAnSseSubscriber() {
        StepVerifier.create(sse(RUNS, Map.of()))
                .then(() -> ingestOnceSubscribed(1, Fixtures.text(FULL_EVENT)))
                .assertNext(next -> assertThat(runUpdated(next))
                        .containsEntry("id", FULL_EVENT_RUN)
                        .containsEntry("state", "COMPLETED")
                        .containsEntry("job", Map.of("namespace", "my-scheduler-namespace", "name", "myjob.mytask")))
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void aFilteredSubscriptionGetsOnlyTheRunsItAskedFor() {
        String other = UUID.randomUUID().toString();
        Flux<Map<String, Object>> failedOnly =
                sse(RUNS, Map.of("filter", Map.of("namespace", "my-scheduler-namespace", "state", "FAILED")));

        StepVerifier.create(failedOnly)
                .then(() -> {
                    ingestOnceSubscribed(1, Fixtures.text(FULL_EVENT));
                    post(TestEvents.run("FAIL", other, "my-scheduler-namespace", "nightly", "2024-05-01T00:00:00Z")
                                    .json())
                            .expectStatus()
                            .isCreated();
                })
                .assertNext(next ->
                        assertThat(runUpdated(next)).containsEntry("id", other).containsEntry("state", "FAILED"))
                .thenCancel()
                .verify(PATIENCE);
    }

    /** Ingests once {@code count} subscriptions are registered, so that none can miss the event. */
    private void ingestOnceSubscribed(int count, String event) {
        await().atMost(PATIENCE).until(() -> subscribers() >= count);
        post(event).expectStatus().isCreated();
    }

    private double subscribers() {
        return meters.get("tributary.live.subscribers").gauge().value();
    }

    /** The data of each {@code next} event of a subscription over Server-Sent Events. */
    private Flux<Map<String, Object>> sse(String document, Map<String, Object> variables) {
        return WebClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/graphql")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document, "variables", variables))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .filter(event -> "next".equals(event.event()))
                .map(ServerSentEvent::data);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runUpdated(Map<String, Object> next) {
        assertThat(next).doesNotContainKey("errors");
        return (Map<String, Object>) ((Map<String, Object>) next.get("data")).get("runUpdated");
    }
}
