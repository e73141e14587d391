package io.tributary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.lineage.index.AdjacencyGraph;
import io.tributary.lineage.index.LineageIndex;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.TestEvents;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.TransactionConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code POST /api/v1/admin/rebuild} rebuilds the graph from the file event log: the same graph as the one projected as
 * events came (hand-set tags and soft deletes included, which are in no event), replayed in several windows (small
 * ones here); a second request while one runs is a conflict, hand-set writes meanwhile are refused with 503, reads say
 * they may be incomplete, and the state shows over REST and GraphQL.
 *
 * <p>The graph is not emptied between these tests: a rebuild replays the whole log, every test's events included, so
 * each test compares the whole graph before and after.
 */
@TestPropertySource(
        properties = {
            "tributary.log.mode=file",
            "tributary.projection.rebuild-window-events=7",
            "tributary.projection.rebuild-clear-batch=50",
            "tributary.lineage.index.enabled=true"
        })
class RebuildTest extends EndToEndTest {

    @Autowired
    LineageIndex lineageIndex;

    /** As long as the projection's own waits: a rebuild under a loaded machine's windows. */
    private static final Duration REBUILD_WAIT = Duration.ofMinutes(3);

    private static final String SPARK_DATASET = "/tmp/cll_test/tbl1";
    private static final String AIRFLOW_NS = "airflow-finance";
    private static final String AIRFLOW_JOB = "finance_dag.extract_orders";
    private static final String DB = "postgres://db.finance.example:5432";
    private static final String ORDERS = "warehouse.public.orders";

    private static final String ADD_TAG = """
            mutation($kind: TagKind!, $ns: String!, $name: String!, $field: String, $tag: String!) {
              addTag(kind: $kind, namespace: $ns, name: $name, field: $field, tag: $tag) { tags }
            }""";

    /** The graph stays from test to test (see the class comment). */
    @Override
    protected void emptyGraph() {
        awaitProjection();
    }

    private static List<String> events() {
        var events = new ArrayList<String>();
        for (int i = 1; i <= 9; i++) {
            events.add(Fixtures.text("spark/compat-tests-cll/" + i + ".json"));
        }
        for (int i = 1; i <= 8; i++) {
            events.add(Fixtures.text("airflow/compat-tests-bq-dag/line_0" + i + ".json"));
        }
        events.addAll(Fixtures.events("facets/tags-catalog-job-dependencies.json"));
        return events;
    }

    @Test
    void aRebuildGivesTheSameGraphHandSetTagsAndSoftDeletesIncluded() {
        List<String> events = events();
        postAll(events);
        postBatch("[" + String.join(",", events.subList(0, 5)) + "]")
                .expectStatus()
                .is2xxSuccessful();
        String field = firstField("file", SPARK_DATASET);
        tag("DATASET", DB, ORDERS, null, "gold");
        tag("FIELD", "file", SPARK_DATASET, field, "pii");
        tag("JOB", AIRFLOW_NS, AIRFLOW_JOB, null, "owned-by-finance");
        delete("deleteDataset", "file", "/tmp/cll_test/cll_source1");
        delete("deleteJob", AIRFLOW_NS, "finance_dag.load_orders");
        List<String> before = graph();
        AdjacencyGraph indexBefore = loadedIndex(null);
        assertThat(before).anyMatch(line -> line.contains("manualTags=[gold]"));
        assertThat(before).anyMatch(line -> line.contains("deleted="));

        var requested = rebuild()
                .expectStatus()
                .isAccepted()
                .expectBody(STATE)
                .returnResult()
                .getResponseBody();
        assertThat(requested).containsEntry("phase", "REQUESTED");
        var done = awaitDone();

        assertThat(graph()).containsExactlyElementsOf(before);
        // The lineage index was dropped with the graph and read again from the rebuilt one.
        AdjacencyGraph indexAfter = loadedIndex(indexBefore);
        assertThat(indexAfter.size()).isEqualTo(indexBefore.size());
        assertThat(indexAfter.edges()).isEqualTo(indexBefore.edges());
        assertThat(((Number) done.get("replayed")).longValue()).isGreaterThanOrEqualTo(events.size() + 5);
        assertThat(((Number) done.get("kept")).longValue()).isGreaterThanOrEqualTo(4);
        assertThat(done.get("error")).isNull();

        graphQl.document("{ projection { rebuild { phase replayed target kept finishedAt } } }")
                .execute()
                .path("projection.rebuild.phase")
                .entity(String.class)
                .isEqualTo("DONE")
                .path("projection.rebuild.replayed")
                .entity(Long.class)
                .isEqualTo(((Number) done.get("replayed")).longValue())
                .path("projection.rebuild.finishedAt")
                .hasValue();
        // Projection goes on after the rebuild.
        post(TestEvents.run(
                                "COMPLETE",
                                "77777777-7777-4777-8777-777777777777",
                                "rebuilt",
                                "after",
                                "2026-02-01T00:00:00Z")
                        .output("rebuilt", "after-rebuild", "[{\"name\":\"id\",\"type\":\"BIGINT\"}]")
                        .json())
                .expectStatus()
                .isCreated();
        graphQl.document("{ dataset(namespace: \"rebuilt\", name: \"after-rebuild\") { name } }")
                .execute()
                .path("dataset.name")
                .entity(String.class)
                .isEqualTo("after-rebuild");
        assertThat(scrape())
                .containsPattern("tributary_projection_rebuilds_total [1-9]")
                .containsPattern("tributary_projection_rebuild_replayed_events_total [1-9]")
                .containsPattern("tributary_projection_rebuild_seconds_count\\{phase=\"replay\"} [1-9]");
    }

    /**
     * A rebuild held in its clearing by a real lock (the test's own uncommitted write to a run): a second request is a
     * conflict, a hand-set tag is refused with 503 and Retry-After, a read answers at once and says it may be
     * incomplete; once the lock goes, the rebuild finishes and the graph is whole again.
     */
    @Test
    void whileARebuildRunsASecondRequestConflictsHandWritesAre503AndReadsSayRebuilding() {
        postAll(events());
        List<String> before = graph();
        try (var session = driver.session();
                var hold = session.beginTransaction(TransactionConfig.builder()
                        .withTimeout(Duration.ofMinutes(5))
                        .build())) {
            hold.run("MATCH (r:Run) WITH r LIMIT 1 SET r.heldByTest = true").consume();
            rebuild().expectStatus().isAccepted();
            awaitPhase("CLEARING");

            var conflict = problem(rebuild(), 409);
            assertThat((String) conflict.get("type")).endsWith("/rebuild-in-progress");
            var refused = problem(
                    web.post()
                            .uri(URI.create("http://localhost:" + port + "/api/v1/namespaces/"
                                    + URLEncoder.encode(DB, StandardCharsets.UTF_8) + "/datasets/" + ORDERS
                                    + "/tags/SENSITIVE"))
                            .header("Authorization", "Bearer " + API_KEY)
                            .exchange(),
                    503);
            assertThat((String) refused.get("type")).endsWith("/rebuild-in-progress");
            web.delete()
                    .uri(URI.create(
                            "http://localhost:" + port + "/api/v1/namespaces/" + AIRFLOW_NS + "/jobs/" + AIRFLOW_JOB))
                    .header("Authorization", "Bearer " + API_KEY)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER);
            writer().document(ADD_TAG)
                    .variable("kind", "DATASET")
                    .variable("ns", DB)
                    .variable("name", ORDERS)
                    .variable("tag", "lost")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .singleElement()
                            .satisfies(
                                    e -> assertThat(e.getExtensions()).containsEntry("reason", "REBUILD_IN_PROGRESS")));
            graphQl.document("{ projection { rebuild { phase } } }")
                    .execute()
                    .path("projection.rebuild.phase")
                    .entity(String.class)
                    .isEqualTo("CLEARING")
                    .path("$.extensions.projection.rebuilding")
                    .entity(Boolean.class)
                    .isEqualTo(true)
                    .path("$.extensions.projection.complete")
                    .entity(Boolean.class)
                    .isEqualTo(false);
            web.get()
                    .uri("/api/v1/namespaces")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(ReadYourWrites.PROJECTION, "incomplete; rebuilding");
            hold.rollback();
        }
        awaitDone();
        assertThat(graph()).containsExactlyElementsOf(before);
    }

    @Test
    void onlyAnIngestKeyAsksForOrReadsARebuild() {
        problem(web.post().uri(RebuildController.PATH).exchange(), 401);
        problem(
                web.post()
                        .uri(RebuildController.PATH)
                        .header("Authorization", "Bearer not-the-key")
                        .exchange(),
                401);
        problem(web.get().uri(RebuildController.PATH).exchange(), 401);
        web.get()
                .uri(RebuildController.PATH)
                .header("Authorization", "Bearer " + API_KEY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(STATE)
                .value(state -> assertThat(state).containsKey("phase"));
    }

    private static final ParameterizedTypeReference<Map<String, Object>> STATE = RebuildRequests.STATE;

    /** The whole graph, less the rebuild's own state node (absent before the first rebuild). */
    private List<String> graph() {
        awaitProjection();
        return canonicalGraph(driver, Set.of("Rebuild"), Set.of());
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec rebuild() {
        return RebuildRequests.request(web, API_KEY);
    }

    private Map<String, Object> state() {
        return RebuildRequests.state(web, API_KEY);
    }

    /** Waits (polling the state, bounded) until the rebuild is in {@code phase}; its state then. */
    private Map<String, Object> awaitPhase(String phase) {
        long deadline = System.nanoTime() + REBUILD_WAIT.toNanos();
        Map<String, Object> state = state();
        while (!phase.equals(state.get("phase")) && System.nanoTime() < deadline) {
            sleep();
            state = state();
        }
        assertThat(state).as("the rebuild's state within %s", REBUILD_WAIT).containsEntry("phase", phase);
        return state;
    }

    private Map<String, Object> awaitDone() {
        return awaitPhase("DONE");
    }

    private String firstField(String namespace, String name) {
        List<String> fields = graphQl.document("query($ns: String!, $name: String!) {"
                        + " dataset(namespace: $ns, name: $name) { fields { name } } }")
                .variable("ns", namespace)
                .variable("name", name)
                .execute()
                .path("dataset.fields[*].name")
                .entityList(String.class)
                .get();
        assertThat(fields).isNotEmpty();
        return fields.getFirst();
    }

    private HttpGraphQlTester writer() {
        return graphQl.mutate().header("Authorization", "Bearer " + API_KEY).build();
    }

    private void tag(String kind, String namespace, String name, String field, String tag) {
        writer().document(ADD_TAG)
                .variable("kind", kind)
                .variable("ns", namespace)
                .variable("name", name)
                .variable("field", field)
                .variable("tag", tag)
                .execute()
                .path("addTag.tags")
                .entityList(String.class)
                .contains(tag);
    }

    private void delete(String mutation, String namespace, String name) {
        writer().document("mutation($ns: String!, $name: String!) { " + mutation
                        + "(namespace: $ns, name: $name) { deletedAt } }")
                .variable("ns", namespace)
                .variable("name", name)
                .execute()
                .path(mutation + ".deletedAt")
                .hasValue();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The lineage index once loaded, and not {@code other} (null: any). */
    private AdjacencyGraph loadedIndex(AdjacencyGraph other) {
        return org.awaitility.Awaitility.await()
                .atMost(REBUILD_WAIT)
                .until(lineageIndex::ready, index -> index != null && index != other);
    }
}
