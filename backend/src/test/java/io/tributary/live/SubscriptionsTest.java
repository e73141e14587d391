package io.tributary.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.TestEvents;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    void aFailedRunOpensAnIssueAsTheIssuesQueryReportsItAndTheNextCompletedRunResolvesIt() {
        String failed = UUID.randomUUID().toString();
        String fixed = UUID.randomUUID().toString();
        var opened = new AtomicReference<Map<String, Object>>();
        Flux<Map.Entry<String, Map<String, Object>>> issues = Flux.merge(
                ws.document("""
                                subscription {
                                  issueOpened { kind time summary errorMessage run { id state } job { name } }
                                }""")
                        .executeSubscription()
                        .map(r -> Map.entry("opened", r.field("issueOpened").toEntity(MAP))),
                ws.document("""
                                subscription {
                                  issueResolved { kind time summary run { id } failedRun { id state } job { name } }
                                }""")
                        .executeSubscription()
                        .map(r -> Map.entry("resolved", r.field("issueResolved").toEntity(MAP))));

        StepVerifier.create(issues)
                .then(() -> ingestOnceSubscribed(2, run("START", failed, "2024-05-01T00:00:00Z")))
                .then(() -> post(run("FAIL", failed, "2024-05-01T00:01:00Z"))
                        .expectStatus()
                        .isCreated())
                .assertNext(issue -> {
                    assertThat(issue.getKey()).isEqualTo("opened");
                    opened.set(issue.getValue());
                })
                .then(() -> {
                    post(run("START", fixed, "2024-05-02T00:00:00Z"))
                            .expectStatus()
                            .isCreated();
                    post(run("COMPLETE", fixed, "2024-05-02T00:01:00Z"))
                            .expectStatus()
                            .isCreated();
                })
                .assertNext(resolved -> {
                    assertThat(resolved.getKey()).isEqualTo("resolved");
                    assertThat(resolved.getValue())
                            .containsEntry("kind", "JOB_EXECUTION")
                            .containsEntry("time", "2024-05-02T00:01:00.000Z")
                            .containsEntry("run", Map.of("id", fixed))
                            .containsEntry("failedRun", Map.of("id", failed, "state", "FAILED"))
                            .containsEntry("job", Map.of("name", "nightly"));
                })
                .thenCancel()
                .verify(PATIENCE);

        assertThat(opened.get())
                .containsEntry("kind", "JOB_EXECUTION")
                .containsEntry("summary", "nightly failed")
                .containsEntry("run", Map.of("id", failed, "state", "FAILED"))
                .containsEntry("job", Map.of("name", "nightly"))
                .isEqualTo(issuesQuery(failed));
    }

    @Test
    void failedDbtTestsOpenADataQualityIssueNamingTheFailedAssertions() {
        Flux<Map<String, Object>> quality = sse("""
                        subscription {
                          issueOpened(kinds: [DATA_QUALITY]) { kind summary dataset { name } failedAssertions { assertion column } }
                        }""", Map.of());

        StepVerifier.create(quality)
                .then(() -> {
                    await().atMost(PATIENCE).until(() -> subscribers() >= 1);
                    for (String event : Fixtures.events("dbt/ol-dbt-tests/no_test_metadata__result.json")) {
                        post(event.replace("{{ any(result) }}", "1.0.0"))
                                .expectStatus()
                                .isCreated();
                    }
                })
                .assertNext(next -> assertThat(data(next, "issueOpened"))
                        .containsEntry("kind", "DATA_QUALITY")
                        .containsEntry(
                                "summary",
                                "2 failed assertion(s) on DEMO_DB.public.customers: unique(customer_id), not_null(customer_id)")
                        .containsEntry("dataset", Map.of("name", "DEMO_DB.public.customers"))
                        .containsEntry(
                                "failedAssertions",
                                List.of(
                                        Map.of("assertion", "unique", "column", "customer_id"),
                                        Map.of("assertion", "not_null", "column", "customer_id"))))
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void aJobsLineageChangesWithItsFirstEdgesAndThenWithItsRunStateOnly() {
        String job = "JOB:my-scheduler-namespace:myjob.mytask";
        String table = "DATASET:my-datasource-namespace:instance.schema.table";
        Flux<Map<String, Object>> changes = sse("""
                        subscription($nodes: [ID!]) {
                          lineageChanged(nodes: $nodes) {
                            node kind reasons latestRunId latestRunState newEdges { from to } time
                          }
                        }""", Map.of("nodes", List.of(job, "JOB:elsewhere:unrelated")));
        String rerun = UUID.randomUUID().toString();

        StepVerifier.create(changes)
                .then(() -> ingestOnceSubscribed(1, Fixtures.text(FULL_EVENT)))
                .assertNext(next -> assertThat(data(next, "lineageChanged"))
                        .containsEntry("node", job)
                        .containsEntry("kind", "JOB")
                        .containsEntry("reasons", List.of("RUN_STATE", "NEW_EDGE"))
                        .containsEntry("latestRunId", FULL_EVENT_RUN)
                        .containsEntry("latestRunState", "COMPLETED")
                        .containsEntry(
                                "newEdges", List.of(Map.of("from", table, "to", job), Map.of("from", job, "to", table)))
                        .containsEntry("time", "2020-12-28T19:51:01.641Z"))
                .then(() -> post(TestEvents.run(
                                        "START",
                                        rerun,
                                        "my-scheduler-namespace",
                                        "myjob.mytask",
                                        "2020-12-29T00:00:00Z")
                                .input("my-datasource-namespace", "instance.schema.table", null)
                                .json())
                        .expectStatus()
                        .isCreated())
                .assertNext(next -> assertThat(data(next, "lineageChanged"))
                        .containsEntry("reasons", List.of("RUN_STATE"))
                        .containsEntry("latestRunId", rerun)
                        .containsEntry("latestRunState", "RUNNING")
                        .containsEntry("newEdges", List.of()))
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void aSubscriptionToSomethingThatIsNotANodeEndsWithBadRequest() {
        StepVerifier.create(sse("subscription { lineageChanged(node: \"nonsense\") { node } }", Map.of()))
                .assertNext(next -> assertThat(next.get("errors"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .singleElement()
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("message", "Not a node id: nonsense")
                        .containsEntry("extensions", Map.of("classification", "BAD_REQUEST")))
                .verifyComplete();
    }

    /** The issue of this run as the issues query reports it, with the fields the subscription asked for. */
    private Map<String, Object> issuesQuery(String runId) {
        return graphQl
                .document("""
                        {
                          issues(since: "2000-01-01T00:00:00Z") {
                            kind time summary errorMessage run { id state } job { name }
                          }
                        }""")
                .execute()
                .path("issues")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get()
                .stream()
                .filter(i -> runId.equals(((Map<?, ?>) i.get("run")).get("id")))
                .findFirst()
                .orElseThrow();
    }

    private static String run(String eventType, String runId, String time) {
        return TestEvents.run(eventType, runId, "my-scheduler-namespace", "nightly", time)
                .json();
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

    private static Map<String, Object> runUpdated(Map<String, Object> next) {
        return data(next, "runUpdated");
    }

    /** A field of a {@code next} event's data, which must carry no errors. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> next, String field) {
        assertThat(next).doesNotContainKey("errors");
        return (Map<String, Object>) ((Map<String, Object>) next.get("data")).get(field);
    }
}
