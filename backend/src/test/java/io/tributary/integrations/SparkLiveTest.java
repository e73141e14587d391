package io.tributary.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.server.WebFilter;

/**
 * A real Spark 3.5 application (integration-spark's SparkLineageJob, {@code local[2]}) with the OpenLineage Spark
 * listener ({@code io.openlineage:openlineage-spark_2.13}) configured only through Spark settings, exactly as a user
 * would: HTTP transport to this running service with API-key auth and gzip. The job writes two parquet datasets, reads
 * them back, joins, filters and aggregates them into a third, and runs a CREATE TABLE AS SELECT; each test looks at
 * one part of what the service built from the events, through GraphQL. The job runs once, before the first test.
 */
// Its own context (the recording filter below) whose database is released when the class ends.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SparkLiveTest extends EndToEndTest {

    private static final String NS = "spark_integration";
    private static final String APP = "tributary_spark_job";
    private static final String WRITE_ORDERS = APP + ".execute_insert_into_hadoop_fs_relation_command.data_orders";
    private static final String WRITE_CUSTOMERS =
            APP + ".execute_insert_into_hadoop_fs_relation_command.data_customers";
    private static final String AGGREGATE = APP + ".adaptive_spark_plan.data_country_totals";
    private static final String CTAS =
            APP + ".execute_create_data_source_table_as_select_command.default_big_countries";
    private static final String CTAS_WRITE =
            APP + ".execute_insert_into_hadoop_fs_relation_command.warehouse_big_countries";
    // Several builds may share two cores; a cold Spark start alone took ~30 s under a load average of 16.
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** Every ingest request the listener made, as the service saw it (the recording filter fills it). */
    private static final Queue<IngestRequest> REQUESTS = new ConcurrentLinkedQueue<>();

    private static Path data;
    private static SparkJobProcess.Result spark;
    private static AssertionError failure;

    record IngestRequest(String contentEncoding, String authorization, Integer status) {}

    @TestConfiguration
    static class RecordIngestRequests {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        WebFilter recordIngestRequests() {
            return (exchange, chain) -> {
                var request = exchange.getRequest();
                if (!request.getPath().value().startsWith("/api/v1/lineage")) {
                    return chain.filter(exchange);
                }
                return chain.filter(exchange).doFinally(signal -> {
                    var status = exchange.getResponse().getStatusCode();
                    REQUESTS.add(new IngestRequest(
                            request.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING),
                            request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                            status == null ? null : status.value()));
                });
            };
        }
    }

    /**
     * Empties the graph and runs the Spark job once; the tests only read what it left. A failed run fails every test
     * at once with the same error instead of starting Spark again.
     */
    @Override
    @BeforeEach
    protected void emptyGraph() {
        if (failure != null) {
            throw failure;
        }
        if (spark != null) {
            return;
        }
        try {
            runTheSparkJob();
        } catch (RuntimeException | Error e) {
            failure = e instanceof AssertionError assertion ? assertion : new AssertionError(e.getMessage(), e);
            throw failure;
        }
    }

    private void runTheSparkJob() {
        warmUp();
        super.emptyGraph();
        REQUESTS.clear();
        try {
            data = Files.createTempDirectory("tributary-spark-").toRealPath().resolve("data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        spark = SparkJobProcess.run(
                Map.of(
                        "spark.extraListeners", "io.openlineage.spark.agent.OpenLineageSparkListener",
                        "spark.openlineage.transport.type", "http",
                        "spark.openlineage.transport.url", "http://127.0.0.1:" + port,
                        "spark.openlineage.transport.auth.type", "api_key",
                        "spark.openlineage.transport.auth.apiKey", API_KEY,
                        "spark.openlineage.transport.compression", "gzip",
                        // The client's default 5 s read timeout is too short for a cold service on a busy build
                        // machine (first queries planned while other builds compete for two cores).
                        "spark.openlineage.transport.timeoutInMillis", "120000",
                        "spark.openlineage.namespace", NS,
                        "spark.openlineage.columnLineage.datasetLineageEnabled", "true"),
                data,
                TIMEOUT);
        System.out.printf(
                "SparkLiveTest: the Spark job ran %d ms%n", spark.wallTime().toMillis());
    }

    /**
     * The listener sends each event from Spark's listener thread and waits for the answer; while it waits, Spark may
     * finish and forget a query, whose later events the listener then drops ("Query execution is null"). A cold service
     * on a busy build machine (first queries planned, JIT) answered its first events in ~10 s, so it first ingests and
     * reads a recorded Spark job, as a running service would have.
     */
    private void warmUp() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
        graphQl.document("""
                        { columnLineage(node: { kind: DATASET, namespace: "file", name: "/tmp/cll_test/tbl1" }) {
                            nodes { id } }
                          lineage(node: { kind: DATASET, namespace: "file", name: "/tmp/cll_test/tbl1" }) { nodes { id } } }""")
                .execute()
                .path("lineage.nodes")
                .entityList(Object.class)
                .hasSizeGreaterThan(1);
    }

    @Test
    void everyEventCameGzippedWithTheApiKeyAndWasStored() {
        assertThat(REQUESTS).as(this::sparkOutput).isNotEmpty();
        assertThat(REQUESTS)
                .as(this::sparkOutput)
                .allSatisfy(r -> assertThat(r).isEqualTo(new IngestRequest("gzip", "Bearer " + API_KEY, 201)));
        // Each of the listener's events is distinct, so every accepted request is one archived event.
        assertThat(single("MATCH (e:Event) RETURN count(e) AS n")).isEqualTo((long) REQUESTS.size());
    }

    @Test
    void datasetLineageRunsFromTheWrittenFilesThroughTheJoinToTheAggregate() {
        var answer = graphQl.document("""
                        query($node: NodeRef!) { lineage(node: $node, direction: UPSTREAM, depth: 4) {
                            nodes { id kind name distance } edges { from to } truncated } }""")
                .variable("node", Map.of("kind", "DATASET", "namespace", "file", "name", path("country_totals")))
                .execute();
        List<Map<String, Object>> nodes =
                answer.path("lineage.nodes").entity(List.class).get();
        var names =
                nodes.stream().collect(Collectors.toMap(n -> (String) n.get("id"), n -> label((String) n.get("name"))));
        assertThat(nodes.stream()
                        .map(n -> n.get("kind") + " " + label((String) n.get("name")) + " " + n.get("distance")))
                .as(this::sparkOutput)
                .containsExactlyInAnyOrder(
                        "DATASET country_totals 0",
                        "JOB " + label(AGGREGATE) + " 1",
                        "DATASET orders 2",
                        "DATASET customers 2",
                        "JOB " + label(WRITE_ORDERS) + " 3",
                        "JOB " + label(WRITE_CUSTOMERS) + " 3");
        List<Map<String, String>> edges =
                answer.path("lineage.edges").entity(List.class).get();
        assertThat(edges.stream().map(e -> names.get(e.get("from")) + " -> " + names.get(e.get("to"))))
                .containsExactlyInAnyOrder(
                        "orders -> " + label(AGGREGATE),
                        "customers -> " + label(AGGREGATE),
                        label(AGGREGATE) + " -> country_totals",
                        label(WRITE_ORDERS) + " -> orders",
                        label(WRITE_CUSTOMERS) + " -> customers");
        answer.path("lineage.truncated").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void createTableAsSelectWritesTheWarehouseTableUnderItsTableName() {
        graphQl.document("""
                        query($name: String!) { dataset(namespace: "file", name: $name) {
                            fields { name type } producers { name }
                            symlinks { dataset { namespace name } type direction } } }""")
                .variable("name", path("warehouse/big_countries"))
                .execute()
                .path("dataset")
                .matchesJson("""
                        { "fields": [ { "name": "country", "type": "string" }, { "name": "total_amount", "type": "double" } ],
                          "producers": [ { "name": "%s" }, { "name": "%s" } ],
                          "symlinks": [ { "dataset": { "namespace": "file:%s", "name": "default.big_countries" },
                                          "type": "TABLE", "direction": "OUTGOING" } ] }""".formatted(CTAS, CTAS_WRITE, path("warehouse")));
        graphQl.document("""
                        query($name: String!) { dataset(namespace: "file", name: $name) { consumers { name } } }""")
                .variable("name", path("country_totals"))
                .execute()
                .path("dataset.consumers[*].name")
                .entityList(String.class)
                .contains(CTAS, CTAS_WRITE);
    }

    /**
     * The aggregate's columns: each from its source column with the transformation Spark reported (an identity, two
     * aggregations, the count masking its input), and the filter, join and group-by columns that the facet lists once
     * for the whole dataset ({@code columnLineage.dataset}) feeding every column as INDIRECT derivations.
     */
    @Test
    void columnLineageCarriesTheTransformationsAndTheDatasetWideFilterJoinAndGroupBy() {
        var answer = graphQl.document("""
                        query($node: NodeRef!) { columnLineage(node: $node, direction: UPSTREAM, depth: 1) {
                            nodes { id dataset field type distance }
                            edges { from to transformation { type subtype masking } } } }""")
                .variable("node", Map.of("kind", "DATASET", "namespace", "file", "name", path("country_totals")))
                .execute();
        List<Map<String, Object>> nodes =
                answer.path("columnLineage.nodes").entity(List.class).get();
        var columns = nodes.stream()
                .collect(Collectors.toMap(
                        n -> (String) n.get("id"), n -> label((String) n.get("dataset")) + "." + n.get("field")));
        assertThat(nodes.stream().map(n -> columns.get(n.get("id")) + " " + n.get("type") + " " + n.get("distance")))
                .as(this::sparkOutput)
                .containsExactlyInAnyOrder(
                        "country_totals.country string 0",
                        "country_totals.total_amount double 0",
                        "country_totals.order_count long 0",
                        "customers.country string 1",
                        "customers.customer_id integer 1",
                        "orders.amount double 1",
                        "orders.order_id integer 1",
                        "orders.status string 1",
                        "orders.customer_id integer 1");
        List<Map<String, Object>> edges =
                answer.path("columnLineage.edges").entity(List.class).get();
        var derivations = edges.stream()
                .map(e -> {
                    @SuppressWarnings("unchecked")
                    var t = (Map<String, Object>) e.get("transformation");
                    return columns.get(e.get("from")) + " -> " + columns.get(e.get("to")) + " " + t.get("type") + "/"
                            + t.get("subtype") + (Boolean.TRUE.equals(t.get("masking")) ? " masking" : "");
                })
                .toList();
        var expected = new java.util.ArrayList<>(List.of(
                "customers.country -> country_totals.country DIRECT/IDENTITY",
                "orders.amount -> country_totals.total_amount DIRECT/AGGREGATION",
                "orders.order_id -> country_totals.order_count DIRECT/AGGREGATION masking"));
        for (String output : List.of("country", "total_amount", "order_count")) {
            for (String datasetWide : List.of(
                    "orders.status -> %s INDIRECT/FILTER",
                    "orders.customer_id -> %s INDIRECT/JOIN",
                    "orders.customer_id -> %s INDIRECT/FILTER",
                    "customers.customer_id -> %s INDIRECT/JOIN",
                    "customers.customer_id -> %s INDIRECT/FILTER",
                    "customers.country -> %s INDIRECT/GROUP_BY")) {
                expected.add(datasetWide.formatted("country_totals." + output));
            }
        }
        assertThat(derivations).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theWrittenFilesHaveTheirSchemasAsDataDictionaries() {
        graphQl.document("""
                        query($orders: String!, $customers: String!, $totals: String!) {
                          orders: dataset(namespace: "file", name: $orders) { fields { name type } }
                          customers: dataset(namespace: "file", name: $customers) { fields { name type } }
                          totals: dataset(namespace: "file", name: $totals) { fields { name type } } }""")
                .variable("orders", path("orders"))
                .variable("customers", path("customers"))
                .variable("totals", path("country_totals"))
                .execute()
                .path("")
                .matchesJsonStrictly("""
                        { "orders": { "fields": [ { "name": "order_id", "type": "integer" },
                                                  { "name": "customer_id", "type": "integer" },
                                                  { "name": "amount", "type": "double" },
                                                  { "name": "status", "type": "string" } ] },
                          "customers": { "fields": [ { "name": "customer_id", "type": "integer" },
                                                     { "name": "country", "type": "string" } ] },
                          "totals": { "fields": [ { "name": "country", "type": "string" },
                                                  { "name": "total_amount", "type": "double" },
                                                  { "name": "order_count", "type": "long" } ] } }""");
    }

    /**
     * The application run (the listener's SparkListenerApplicationStart/End) completed and is the parent of every job
     * run; every job run that wrote a dataset completed. (Spark also runs small jobs, e.g. to read parquet footers,
     * which the listener reports with a START only: those stay RUNNING.)
     */
    @Test
    void theApplicationRunIsTheParentOfEveryJobRunAndTheWritersCompleted() {
        var app = graphQl.document("""
                        query($ns: String!, $name: String!) { job(namespace: $ns, name: $name) {
                            jobType integration children { name }
                            latestRun { id state children { state job { name } outputs { dataset { name } } } } } }""").variable("ns", NS).variable("name", APP).execute();
        app.path("job.jobType").entity(String.class).isEqualTo("APPLICATION");
        app.path("job.integration").entity(String.class).isEqualTo("SPARK");
        app.path("job.latestRun.state").entity(String.class).isEqualTo("COMPLETED");
        String appRunId = app.path("job.latestRun.id").entity(String.class).get();
        app.path("job.children[*].name")
                .entityList(String.class)
                .contains(WRITE_ORDERS, WRITE_CUSTOMERS, AGGREGATE, CTAS, CTAS_WRITE);
        List<Map<String, Object>> children =
                app.path("job.latestRun.children").entity(List.class).get();
        @SuppressWarnings("unchecked")
        var writerStates = children.stream()
                .filter(c -> !((List<?>) c.get("outputs")).isEmpty())
                .map(c -> ((Map<String, Object>) c.get("job")).get("name") + " " + c.get("state"))
                .toList();
        assertThat(writerStates)
                .as(this::sparkOutput)
                .containsExactlyInAnyOrder(
                        WRITE_ORDERS + " COMPLETED",
                        WRITE_CUSTOMERS + " COMPLETED",
                        AGGREGATE + " COMPLETED",
                        CTAS + " COMPLETED",
                        CTAS_WRITE + " COMPLETED");
        assertThat(children).extracting(c -> c.get("state")).doesNotContain("FAILED", "ABORTED");

        List<Map<String, Object>> runs = graphQl.document("""
                        query($ns: String!) { runs(filter: { namespace: $ns }, first: 500) {
                            edges { node { id job { name } parent { id job { name } } } } } }""")
                .variable("ns", NS)
                .execute()
                .path("runs.edges[*].node")
                .entity(List.class)
                .get();
        assertThat(runs).hasSize(children.size() + 1);
        assertThat(runs)
                .filteredOn(r -> !appRunId.equals(r.get("id")))
                .allSatisfy(
                        r -> assertThat(r.get("parent")).isEqualTo(Map.of("id", appRunId, "job", Map.of("name", APP))));
        var aggregate = graphQl.document("""
                        query($ns: String!, $name: String!) { job(namespace: $ns, name: $name) {
                            parent { name } latestRun { state parent { id } } } }""")
                .variable("ns", NS)
                .variable("name", AGGREGATE)
                .execute();
        aggregate.path("job").matchesJson("""
                { "parent": { "name": "%s" }, "latestRun": { "state": "COMPLETED", "parent": { "id": "%s" } } }""".formatted(APP, appRunId));
    }

    /** A dataset by its path under the job's data directory. */
    private static String path(String relative) {
        return data.resolve(relative).toString();
    }

    /** The last path segment of a dataset, or a job's name without the application prefix, for readable failures. */
    private static String label(String name) {
        if (name.startsWith(APP + ".")) {
            return name.substring(APP.length() + 1);
        }
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private String sparkOutput() {
        return "the Spark job's output ended with:\n" + SparkJobProcess.tail(spark.output());
    }
}
