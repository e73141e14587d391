package io.tributary.dataset;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/** Dataset.quality from dbt test assertions and from Great Expectations metrics and assertions. */
class QualityApiTest extends EndToEndTest {

    private static final String DBT_TESTS = "dbt/ol-dbt-tests/no_test_metadata__result.json";
    private static final String GREAT_EXPECTATIONS =
            "great_expectations/ol-airflow-integration-expected__great_expectations.json";

    @Test
    void countsEachDbtTestOnceAndShowsTheFailedOnes() {
        Fixtures.events(DBT_TESTS).forEach(e -> post(e).expectStatus().isCreated());
        graphQl.document("""
                        { customers: dataset(namespace: "snowflake://ASDF1234.eu-central-1.aws", name: "DEMO_DB.public.customers") {
                            quality { run { id state job { name } } time rowCount bytes columnMetrics { column }
                                      assertions { assertion column success } passed failed } }
                          orders: dataset(namespace: "snowflake://ASDF1234.eu-central-1.aws", name: "DEMO_DB.public.orders") {
                            quality { passed failed } } }""")
                .execute()
                .path("customers.quality")
                .matchesJsonStrictly("""
                        [ { "run": { "id": "6edf42ed-d8d0-454a-b819-d09b9067ff99", "state": "FAILED",
                                     "job": { "name": "DEMO_DB.public.jaffle_shop.customers.test" } },
                            "time": "2021-08-25T11:00:25.277Z", "rowCount": null, "bytes": null, "columnMetrics": [],
                            "assertions": [
                              { "assertion": "unique", "column": "customer_id", "success": false },
                              { "assertion": "not_null", "column": "customer_id", "success": false } ],
                            "passed": 0, "failed": 2 } ]""")
                .path("orders.quality")
                .matchesJsonStrictly("[ { \"passed\": 10, \"failed\": 0 } ]");
    }

    @Test
    void showsGreatExpectationsColumnMetricsAndFailedExpectations() {
        Fixtures.filled(GREAT_EXPECTATIONS, "ge", "2021-06-01T10:00:00Z")
                .forEach(e -> post(e).expectStatus().isCreated());
        String run = Fixtures.runId("ge", "food_delivery", "expectations.2980d102bd5a4ba1225e245a6c5c4f11");
        graphQl.document("""
                        { dataset(namespace: "sqlite", name: "transactions_bad") {
                            quality(last: 5) { run { id } time rowCount bytes
                              columnMetrics { column nullCount distinctCount sum count min max quantiles { quantile value } }
                              assertions { assertion column success } passed failed } } }""").execute().path("dataset.quality").matchesJsonStrictly("""
                        [ { "run": { "id": "%s" }, "time": "2021-06-01T10:00:00.000Z", "rowCount": 10, "bytes": null,
                            "columnMetrics": [
                              { "column": "amount", "nullCount": null, "distinctCount": null, "sum": 6600.0,
                                "count": 10.0, "min": 100.0, "max": 1500.0, "quantiles": [] },
                              { "column": "counterparty_id", "nullCount": 2, "distinctCount": null, "sum": null,
                                "count": null, "min": null, "max": null, "quantiles": [] },
                              { "column": "user_id", "nullCount": 0, "distinctCount": 3, "sum": null,
                                "count": null, "min": null, "max": null, "quantiles": [] } ],
                            "assertions": [
                              { "assertion": "expect_table_row_count_to_be_between", "column": null, "success": true },
                              { "assertion": "expect_column_values_to_not_be_null", "column": "user_id", "success": true },
                              { "assertion": "expect_column_unique_value_count_to_be_between", "column": "user_id",
                                "success": true },
                              { "assertion": "expect_column_values_to_not_be_null", "column": "counterparty_id",
                                "success": false },
                              { "assertion": "expect_column_min_to_be_between", "column": "amount", "success": true },
                              { "assertion": "expect_column_max_to_be_between", "column": "amount", "success": true },
                              { "assertion": "expect_column_sum_to_be_between", "column": "amount", "success": true },
                              { "assertion": "expect_column_distinct_values_to_be_in_set", "column": "currency",
                                "success": false } ],
                            "passed": 6, "failed": 2 } ]""".formatted(run));
    }

    @Test
    void refusesAQualityHistoryLongerThanAHundredRuns() {
        Fixtures.filled(GREAT_EXPECTATIONS, "ge", "2021-06-01T10:00:00Z")
                .forEach(e -> post(e).expectStatus().isCreated());
        graphQl.document("{ dataset(namespace: \"sqlite\", name: \"transactions\") { quality(last: 101) { time } } }")
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && e.getMessage().equals("last must be between 1 and 100, was 101"))
                .verify();
    }
}
