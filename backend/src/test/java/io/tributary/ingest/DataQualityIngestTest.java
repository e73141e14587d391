package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quality results as QualityCheck nodes: Great Expectations (metrics, the legacy {@code dataQuality} facet and its own
 * {@code greatExpectations_assertions}) and dbt tests ({@code dataQualityAssertions}, sent by dbt both as input facet
 * and as dataset facet).
 */
class DataQualityIngestTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GE = "great_expectations/ol-airflow-integration-expected__great_expectations.json";
    private static final String GE_TIME = "2021-06-30T12:00:00Z";
    private static final String DBT = "dbt/ol-dbt-tests/no_test_metadata__result.json";
    private static final String METRICS = """
            {"amount": {"count": 10, "max": 1500, "min": 100, "sum": 6600},
             "counterparty_id": {"nullCount": %d},
             "user_id": {"distinctCount": 3, "nullCount": 0}}""";

    @Test
    void greatExpectationsValidationsBecomeQualityChecksWithMetricsAndAssertionCounts() {
        Fixtures.Filled ge = Fixtures.fill(Fixtures.events(GE), GE_TIME);
        postAll(ge.events());

        List<Map<String, Object>> checks = query("""
                MATCH (r:Run)-[:CHECKED]->(q:QualityCheck)-[:OF_DATASET]->(d:Dataset)
                RETURN r.runId AS run, d.namespace + ' ' + d.name AS dataset, q.rowCount AS rows,
                       q.passed AS passed, q.failed AS failed, q.columnMetrics AS metrics, q.time AS time
                ORDER BY dataset""");
        assertThat(checks)
                .extracting(
                        c -> List.of(c.get("run"), c.get("dataset"), c.get("rows"), c.get("passed"), c.get("failed")))
                .containsExactly(
                        List.of(
                                geRun(ge, "e6bad0549953948db0a63c463b7e4c7a"),
                                "file /opt/data/great_expectations/data/dataset.csv",
                                10L,
                                8L,
                                0L),
                        List.of(geRun(ge, "385fd3237746d1ba6797bc5f132fc868"), "sqlite transactions", 10L, 8L, 0L),
                        List.of(geRun(ge, "2980d102bd5a4ba1225e245a6c5c4f11"), "sqlite transactions_bad", 10L, 6L, 2L));
        assertThat(checks)
                .extracting(c -> JSON.readTree((String) c.get("metrics")))
                .containsExactly(metrics(0), metrics(0), metrics(2));
        assertThat(checks).extracting(c -> c.get("time")).containsOnly(time(GE_TIME));
        assertThat(assertions("sqlite", "transactions_bad"))
                .containsExactly(
                        assertion("expect_table_row_count_to_be_between", null, true),
                        assertion("expect_column_values_to_not_be_null", "user_id", true),
                        assertion("expect_column_unique_value_count_to_be_between", "user_id", true),
                        assertion("expect_column_values_to_not_be_null", "counterparty_id", false),
                        assertion("expect_column_min_to_be_between", "amount", true),
                        assertion("expect_column_max_to_be_between", "amount", true),
                        assertion("expect_column_sum_to_be_between", "amount", true),
                        assertion("expect_column_distinct_values_to_be_in_set", "currency", false));
        assertThat(query("MATCH (r:Run) RETURN DISTINCT r.state AS state, r.startedAt AS startedAt"))
                .containsExactly(row("state", "COMPLETED", "startedAt", null));
    }

    @Test
    void readsMetricsFromTheLegacyDataQualityFacetAlone() {
        var event = (ObjectNode) JSON.readTree(Fixtures.events(GE).get(2));
        ((ObjectNode) event.get("inputs").get(0).get("inputFacets")).remove("dataQualityMetrics");
        assertThat(event.get("inputs").get(0).get("inputFacets").propertyNames())
                .containsExactlyInAnyOrder("dataQuality", "greatExpectations_assertions");
        postAll(Fixtures.fill(List.of(event.toString()), GE_TIME).events());

        assertThat(query("MATCH (q:QualityCheck) RETURN q.rowCount AS rows, q.passed AS passed, q.failed AS failed"))
                .containsExactly(row("rows", 10L, "passed", 6L, "failed", 2L));
        assertThat(JSON.readTree((String) single("MATCH (q:QualityCheck) RETURN q.columnMetrics")))
                .isEqualTo(metrics(2));
    }

    @Test
    void dbtTestAssertionsCountOnceThoughSentAsInputFacetAndAsDatasetFacet() {
        postAll(Fixtures.fill(Fixtures.events(DBT)).events());

        assertThat(query("""
                        MATCH (r:Run)-[:CHECKED]->(q:QualityCheck)-[:OF_DATASET]->(d:Dataset)
                        RETURN d.name AS dataset, q.passed AS passed, q.failed AS failed, q.rowCount AS rows,
                               r.state AS state ORDER BY dataset"""))
                .containsExactly(
                        row(
                                "dataset",
                                "DEMO_DB.public.customers",
                                "passed",
                                0L,
                                "failed",
                                2L,
                                "rows",
                                null,
                                "state",
                                "FAILED"),
                        row(
                                "dataset",
                                "DEMO_DB.public.orders",
                                "passed",
                                10L,
                                "failed",
                                0L,
                                "rows",
                                null,
                                "state",
                                "COMPLETED"),
                        row(
                                "dataset",
                                "DEMO_DB.public.stg_customers",
                                "passed",
                                2L,
                                "failed",
                                0L,
                                "rows",
                                null,
                                "state",
                                "COMPLETED"),
                        row(
                                "dataset",
                                "DEMO_DB.public.stg_orders",
                                "passed",
                                3L,
                                "failed",
                                0L,
                                "rows",
                                null,
                                "state",
                                "COMPLETED"),
                        row(
                                "dataset",
                                "DEMO_DB.public.stg_payments",
                                "passed",
                                3L,
                                "failed",
                                0L,
                                "rows",
                                null,
                                "state",
                                "COMPLETED"));
        assertThat(assertions("snowflake://ASDF1234.eu-central-1.aws", "DEMO_DB.public.customers"))
                .containsExactly(
                        assertion("unique", "customer_id", false), assertion("not_null", "customer_id", false));
    }

    @Test
    void dbtTestRunsSettleTheirStateAndLinkToTheDbtInvocation() {
        postAll(Fixtures.fill(Fixtures.events(DBT)).events());

        assertThat(query("""
                        MATCH (r:Run {runId: '6edf42ed-d8d0-454a-b819-d09b9067ff99'})
                        RETURN r.state AS state, r.errorMessage AS error, r.durationMs AS ms, r.endedAt AS endedAt"""))
                .containsExactly(row(
                        "state", "FAILED", "error", null, "ms", 0L, "endedAt", time("2021-08-25T11:00:25.277467Z")));
        // "_deleted": null on the jobType facet is tolerated and the facet kept.
        assertThat(query("""
                        MATCH (j:Job)-[:CHILD_OF]->(p:Job)
                        RETURN DISTINCT j.jobType AS type, j.integration AS integration,
                               p.namespace + '/' + p.name AS parent""")).containsExactly(row("type", "TEST", "integration", "DBT", "parent", "dbt/dbt-job-name"));
        assertThat(query("""
                        MATCH (r:Run)-[:CHILD_OF]->(p:Run)
                        RETURN DISTINCT p.runId AS parent, p.placeholder AS placeholder, count(r) AS children"""))
                .containsExactly(
                        row("parent", "f99310b4-3c3c-1a1a-2b2b-c1b95c24ff11", "placeholder", true, "children", 5L));
        assertThat(query("MATCH (r:Run) WHERE r.adapterVersion IS NOT NULL RETURN DISTINCT r.adapterVersion AS v"))
                .containsExactly(row("v", Fixtures.FILLED));
    }

    private List<Map<String, Object>> assertions(String namespace, String dataset) {
        String json = (String) single(
                "MATCH (q:QualityCheck {namespace: $namespace, dataset: $dataset}) RETURN q.assertions",
                Map.of("namespace", namespace, "dataset", dataset));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> assertions = JSON.readValue(json, List.class);
        return assertions;
    }

    private static Map<String, Object> assertion(String assertion, String column, boolean success) {
        return row("assertion", assertion, "column", column, "success", success);
    }

    private static JsonNode metrics(int counterpartyNulls) {
        return JSON.readTree(METRICS.formatted(counterpartyNulls));
    }

    private static String geRun(Fixtures.Filled ge, String suite) {
        return ge.runId("food_delivery", "expectations." + suite);
    }
}
