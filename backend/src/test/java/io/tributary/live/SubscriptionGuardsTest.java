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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Subscriptions where reads are protected ({@code TRIBUTARY_READ_API_KEY}) and each subscriber may have only a few
 * updates waiting: the read key is required on both transports, and a subscriber that does not read never holds up
 * ingest.
 */
@TestPropertySource(
        properties = {
            "tributary.read-api-key=" + SubscriptionGuardsTest.READ_KEY,
            "tributary.live.subscriber-buffer=" + SubscriptionGuardsTest.BUFFER
        })
class SubscriptionGuardsTest extends EndToEndTest {

    static final String READ_KEY = "subscription-read-key";
    static final int BUFFER = 8;

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String FULL_EVENT = "spec-examples/python_client__example_full_event.json";
    private static final String RUN_IDS = "subscription { runUpdated { id } }";

    @Autowired
    private MeterRegistry meters;

    private WebSocketGraphQlClient ws;

    @AfterEach
    void disconnect() {
        if (ws != null) {
            ws.stop().block(PATIENCE);
        }
        await().atMost(PATIENCE).until(() -> subscribers() == 0);
    }

    @Test
    void anSseSubscriptionWithoutTheReadKeyIsRefused() {
        StepVerifier.create(sse(RUN_IDS, null))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(WebClientResponseException.class)
                        .extracting(r ->
                                ((WebClientResponseException) r).getStatusCode().value())
                        .isEqualTo(401))
                .verify(PATIENCE);
        StepVerifier.create(sse(RUN_IDS, EndToEndTest.API_KEY))
                .expectErrorSatisfies(e -> assertThat(
                                ((WebClientResponseException) e).getStatusCode().value())
                        .as("an ingest key does not open reads")
                        .isEqualTo(401))
                .verify(PATIENCE);
    }

    @Test
    void anSseSubscriptionWithTheReadKeyGetsUpdates() {
        StepVerifier.create(sse(RUN_IDS, READ_KEY))
                .then(this::ingestOnceSubscribed)
                .assertNext(next -> assertThat(next)
                        .containsEntry(
                                "data", Map.of("runUpdated", Map.of("id", "ea041791-68bc-4ae1-bd89-4c8106a157e4"))))
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void aWebSocketConnectionWithoutTheReadKeyIsClosedBeforeAnyOperationRuns() {
        ws = client(null, null);

        StepVerifier.create(ws.document(RUN_IDS).executeSubscription())
                .expectError()
                .verify(PATIENCE);
        assertThat(subscribers()).isZero();
    }

    @Test
    void aWebSocketConnectionWithTheIngestKeyMayNotSubscribe() {
        ws = client(null, EndToEndTest.API_KEY);

        StepVerifier.create(ws.document(RUN_IDS).executeSubscription())
                .assertNext(response -> {
                    assertThat(response.isValid()).isFalse();
                    assertThat(response.getErrors())
                            .singleElement()
                            .satisfies(e -> assertThat(e.getMessage()).startsWith("Reads need the read API key"))
                            .satisfies(e -> assertThat(e.getErrorType()).hasToString("UNAUTHORIZED"));
                })
                .verifyComplete();
    }

    @Test
    void aWebSocketConnectionWithTheReadKeyInItsHandshakeGetsUpdates() {
        ws = client(READ_KEY, null);

        assertUpdates(ws.document(RUN_IDS).executeSubscription());
    }

    @Test
    void aWebSocketConnectionWithTheReadKeyInItsConnectionInitGetsUpdates() {
        ws = client(null, READ_KEY);

        assertUpdates(ws.document(RUN_IDS).executeSubscription());
    }

    @Test
    void aSubscriberThatNeverReadsDoesNotHoldUpIngestAndIsEnded() {
        // Runs with long job names make large updates, so that the socket's buffers fill after a few batches.
        String job = "job-" + "x".repeat(4000);
        var stalled = new StalledSubscriber();
        WebClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/graphql")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + READ_KEY)
                .bodyValue(Map.of("query", "subscription { runUpdated { id state job { name description } } }"))
                .retrieve()
                .bodyToFlux(String.class)
                .subscribe(stalled);
        await().atMost(PATIENCE).until(() -> subscribers() >= 1);
        double endedBefore = tooSlow();

        int batches = 0;
        while (tooSlow() == endedBefore) {
            assertThat(batches++)
                    .as("batches ingested before the stalled subscriber was ended")
                    .isLessThan(200);
            String events = IntStream.range(0, 200)
                    .mapToObj(i -> TestEvents.run(
                                    "START", UUID.randomUUID().toString(), "stalled", job, "2024-05-01T00:00:00Z")
                            .json())
                    .collect(Collectors.joining(",", "[", "]"));
            // Every batch is committed and acknowledged while the subscriber reads nothing.
            postBatch(events)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.summary.successful")
                    .isEqualTo(200);
        }

        assertThat(tooSlow()).isEqualTo(endedBefore + 1);
        stalled.dispose();
        await().atMost(PATIENCE).until(() -> subscribers() == 0);
    }

    /** Subscribes and requests nothing, ever: the connection stops being read once its buffers are full. */
    private static final class StalledSubscriber extends BaseSubscriber<String> {
        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // no request
        }
    }

    private void assertUpdates(Flux<ClientGraphQlResponse> updates) {
        StepVerifier.create(updates)
                .then(this::ingestOnceSubscribed)
                .assertNext(
                        response -> assertThat(response.field("runUpdated.id").toEntity(String.class))
                                .isEqualTo("ea041791-68bc-4ae1-bd89-4c8106a157e4"))
                .thenCancel()
                .verify(PATIENCE);
    }

    private void ingestOnceSubscribed() {
        await().atMost(PATIENCE).until(() -> subscribers() >= 1);
        post(Fixtures.text(FULL_EVENT)).expectStatus().isCreated();
    }

    /** A WebSocket client sending the key in the handshake's header and/or the connection_init payload. */
    private WebSocketGraphQlClient client(String headerKey, String initKey) {
        var builder = WebSocketGraphQlClient.builder(
                URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient());
        if (headerKey != null) {
            builder.header(HttpHeaders.AUTHORIZATION, "Bearer " + headerKey);
        }
        if (initKey != null) {
            builder.interceptor(new WebSocketGraphQlClientInterceptor() {
                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(Map.of("Authorization", "Bearer " + initKey));
                }
            });
        }
        return builder.build();
    }

    private Flux<Map<String, Object>> sse(String document, String key) {
        return WebClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/graphql")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (key != null) {
                        h.setBearerAuth(key);
                    }
                })
                .bodyValue(Map.of("query", document))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .filter(event -> "next".equals(event.event()))
                .map(ServerSentEvent::data);
    }

    private double subscribers() {
        return meters.get("tributary.live.subscribers").gauge().value();
    }

    private double tooSlow() {
        return meters.get("tributary.live.subscribers.too.slow").counter().count();
    }
}
