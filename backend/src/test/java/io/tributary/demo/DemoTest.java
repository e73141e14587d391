package io.tributary.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.ChildJvm;
import io.tributary.testing.ServiceProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar tributary.jar --demo}: the service starts with every promised part of the demo in its store (Spark
 * column lineage and symlinks, Airflow SQL and source code, dbt tests, Great Expectations results, a failed run, a slow
 * run), logs where to look, and a second start on the same store adds nothing.
 */
@Tag(ChildJvm.TAG)
class DemoTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START = Duration.ofMinutes(10);

    @TempDir
    Path dataDir;

    @Test
    void demoFlagFillsTheStoreFromRecordedEventsAndARestartAddsNothing() throws Exception {
        Map<String, Object> firstStart;
        // The start a user makes, warm-up included (ServiceProcess turns it off by default)
        try (var service =
                ServiceProcess.start(dataDir, List.of("--demo"), Map.of("tributary.ingest.warm-up", "true"), START)) {
            String loaded = awaitLine(service, "Demo loaded: ");
            assertThat(loaded)
                    .contains(DemoEvents.all().size() + " recorded OpenLineage events")
                    .contains(dataDir.toAbsolutePath().toString())
                    .contains("Open http://localhost:" + service.baseUri().getPort() + "/");
            try (var driver = GraphDatabase.driver(service.embeddedBoltUri(), AuthTokens.none())) {
                assertEveryPartOfTheDemo(driver);
                assertThat(graphQl(
                                        service,
                                        "{ issues(since: \"2024-01-01T00:00:00Z\", kinds: [JOB_DURATION]) {"
                                                + " job { namespace name } } }")
                                .findValues("name"))
                        .extracting(JsonNode::asString)
                        .as("the replayed DAG's slow day: the copy task and the DAG run around it")
                        .containsExactlyInAnyOrder("BQ.copy", "BQ");
                firstStart = snapshot(driver);
            }
        }
        try (var service = ServiceProcess.start(dataDir, List.of("--demo"), Map.of(), START)) {
            awaitLine(service, "Demo loaded: ");
            try (var driver = GraphDatabase.driver(service.embeddedBoltUri(), AuthTokens.none())) {
                assertThat(snapshot(driver)).isEqualTo(firstStart);
            }
        }
    }

    private static void assertEveryPartOfTheDemo(Driver driver) {
        // Spark: column lineage with transformations into the CTAS output, and its table name as a symlink.
        assertThat(rows(driver, """
                        MATCH (:Field {namespace: 'file', dataset: '/tmp/cll_test/tbl1', name: 'agg'})<-[f:FEEDS]-(s:Field)
                        RETURN s.dataset + '.' + s.name + ' ' + f.type + '/' + f.subtype AS edge""")).contains("/tmp/cll_test/cll_source2.c DIRECT/AGGREGATION");
        assertThat(rows(driver, """
                        MATCH (:Dataset {namespace: 'file', name: '/tmp/cll_test/tbl1'})-[s:SYMLINK]->(t:Dataset)
                        RETURN t.namespace + ' ' + t.name + ' ' + s.type AS edge""")).containsExactly("file:/tmp/cll_test default.tbl1 TABLE");
        // Airflow: a task's SQL, a task's source code.
        assertThat(rows(driver, """
                        MATCH (j:Job {namespace: 'food_delivery', name: 'postgres_orders_popular_day_of_week.postgres_insert'})
                        RETURN j.sql AS sql""")).singleElement().asString().contains("INSERT INTO popular_orders_day_of_week");
        assertThat(rows(driver, "MATCH (j:Job {name: 'dag.task_0'}) RETURN j.sourceLanguage AS language"))
                .containsExactly("bash");
        // dbt tests and Great Expectations: quality checks with failed assertions.
        assertThat(rows(driver, """
                        MATCH (r:Run)-[:CHECKED]->(q:QualityCheck)-[:OF_DATASET]->(d:Dataset)
                        WHERE q.failed > 0
                        RETURN r.jobName + ' on ' + d.name AS check ORDER BY check"""))
                .contains(
                        "DEMO_DB.public.jaffle_shop.customers.test on DEMO_DB.public.customers",
                        "expectations.2980d102bd5a4ba1225e245a6c5c4f11 on transactions_bad");
        assertThat(rows(driver, """
                        MATCH (:Dataset {namespace: 'postgres://postgres:5432', name: 'postgres.public.customers'})
                              <-[:OF_DATASET]-(q:QualityCheck)
                        RETURN count(q) > 0 AS checked""")).containsExactly(true);
        // A failed dbt model run with its error, after a successful one.
        assertThat(rows(driver, """
                        MATCH (r:Run {namespace: 'dbt-test-namespace', jobName: 'model.jaffle_shop.orders'})
                        RETURN r.state + ' ' + (r.errorMessage IS NOT NULL) AS run ORDER BY r.startedAt""")).containsExactly("COMPLETED false", "FAILED true");
    }

    /** What a second load could change: every node and relationship counted by kind, every archived event's id. */
    private static Map<String, Object> snapshot(Driver driver) {
        var snapshot = new LinkedHashMap<String, Object>();
        snapshot.put("nodes", rows(driver, """
                MATCH (n) WHERE NOT n:Migration
                WITH labels(n)[0] AS label, count(*) AS n
                RETURN label + ' ' + n AS count ORDER BY count"""));
        snapshot.put(
                "relationships",
                rows(
                        driver,
                        "MATCH ()-[r]->() WITH type(r) AS type, count(*) AS n RETURN type + ' ' + n AS c ORDER BY c"));
        snapshot.put("events", rows(driver, "MATCH (e:Event) RETURN e.id AS id ORDER BY id"));
        snapshot.put("runs", rows(driver, """
                MATCH (r:Run) RETURN r.runId + ' ' + coalesce(r.state, '-') + ' ' + coalesce(r.durationMs, -1) AS r
                ORDER BY r"""));
        assertThat(snapshot.get("events")).asList().hasSize(DemoEvents.all().size());
        return snapshot;
    }

    private static List<Object> rows(Driver driver, String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).list(r -> r.get(0).asObject());
        }
    }

    private static JsonNode graphQl(ServiceProcess service, String query) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(service.baseUri().resolve("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("errors").isMissingNode()).as("errors of %s", body).isTrue();
        return body.path("data");
    }

    /** The service's log line containing {@code text}, waited for: its output reaches this JVM through a thread. */
    private static String awaitLine(ServiceProcess service, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : service.output().split("\n")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No log line with '" + text + "':\n" + service.output());
    }
}
