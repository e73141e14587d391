package io.tributary.run;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** dbt-ol structured-logs runs on Snowflake: the sql facet, Snowflake query ids and failures at every level. */
class DbtRunApiTest extends EndToEndTest {

    private static final String SUCCESSFUL = "dbt/ol-dbt-structured-logs/snowflake__successful_run_ol_events.json";
    private static final String FAILED = "dbt/ol-dbt-structured-logs/snowflake__failed_run_ol_events.json";
    private static final String NAMESPACE = "dbt-test-namespace";
    private static final String SNOWFLAKE = "snowflake://mysnowflakeaccount.us-east-1.aws";

    private void ingest(String path, String salt) {
        Fixtures.filled(path, salt, null).forEach(e -> post(e).expectStatus().isCreated());
    }

    @Test
    void showsTheModelsSqlAndTheSnowflakeQueryItRan() {
        ingest(SUCCESSFUL, "ok");
        String sql = (String) Fixtures.at(SUCCESSFUL, "2", "job", "facets", "sql", "query");
        graphQl.document("""
                        { statement: job(namespace: "dbt-test-namespace", name: "model.jaffle_shop.orders.sql.1") {
                            sql { query dialect } parent { name } latestRun { state durationMs }
                          }
                          model: job(namespace: "dbt-test-namespace", name: "model.jaffle_shop.orders") {
                            sql { query } parent { name } children { name }
                          } }""")
                .execute()
                .path("statement.sql.query")
                .entity(String.class)
                .isEqualTo(sql)
                .path("statement.sql.dialect")
                .valueIsNull()
                .path("statement.parent.name")
                .entity(String.class)
                .isEqualTo("model.jaffle_shop.orders")
                .path("statement.latestRun")
                .matchesJsonStrictly("{ \"state\": \"COMPLETED\", \"durationMs\": 2115 }")
                .path("model")
                .matchesJsonStrictly("""
                        { "sql": null, "parent": { "name": "dbt-run-jaffle_shop" },
                          "children": [ { "name": "model.jaffle_shop.orders.sql.1" } ] }""");

        graphQl.document("""
                        query($id: ID!) { run(id: $id) {
                          state externalQueries { externalQueryId source }
                          parent { job { name } } children { job { name } state }
                          inputs { dataset { name } } outputs { dataset { name description dataSource { name uri } } }
                        } }""")
                .variable("id", Fixtures.runId("ok", NAMESPACE, "model.jaffle_shop.orders"))
                .execute()
                .path("run")
                .matchesJsonStrictly("""
                        { "state": "COMPLETED",
                          "externalQueries": [ { "externalQueryId": "01b8ea94-0412-5972-2a66-0301dfe7e617",
                                                 "source": "%1$s" } ],
                          "parent": { "job": { "name": "dbt-run-jaffle_shop" } },
                          "children": [ { "job": { "name": "model.jaffle_shop.orders.sql.1" }, "state": "COMPLETED" } ],
                          "inputs": [ { "dataset": { "name": "REPORTING.TEST_GENERAL.stg_orders" } },
                                      { "dataset": { "name": "REPORTING.TEST_GENERAL.stg_payments" } } ],
                          "outputs": [ { "dataset": {
                            "name": "REPORTING.TEST_GENERAL.orders",
                            "description": "This table has basic information about orders, as well as some derived facts based on payments",
                            "dataSource": { "name": "%1$s", "uri": "%1$s" } } } ] }""".formatted(SNOWFLAKE));
    }

    @Test
    void reportsTheErrorOfEachFailedLevel() {
        ingest(FAILED, "failed");
        String statementError = (String) Fixtures.at(FAILED, "3", "run", "facets", "errorMessage", "message");
        String stackTrace = (String) Fixtures.at(FAILED, "3", "run", "facets", "errorMessage", "stackTrace");
        graphQl.document("""
                        { runs(filter: { state: FAILED }) { edges { node {
                            job { name } state endedAt errorMessage error { message programmingLanguage stackTrace }
                        } } } }""")
                .execute()
                .path("runs.edges[0].node.job.name")
                .entity(String.class)
                .isEqualTo("model.jaffle_shop.orders.sql.1")
                .path("runs.edges[0].node.error.message")
                .entity(String.class)
                .isEqualTo(statementError)
                .path("runs.edges[0].node.error.stackTrace")
                .entity(String.class)
                .isEqualTo(stackTrace)
                .path("runs.edges[0].node.error.programmingLanguage")
                .entity(String.class)
                .isEqualTo("sql")
                .path("runs.edges[1].node")
                .matchesJsonStrictly("""
                        { "job": { "name": "model.jaffle_shop.orders" }, "state": "FAILED",
                          "endedAt": "2024-12-09T14:15:52.649Z", "errorMessage": %1$s,
                          "error": { "message": %1$s, "programmingLanguage": "sql", "stackTrace": null } }""".formatted(quoted(statementError)))
                .path("runs.edges[2].node")
                .matchesJsonStrictly("""
                        { "job": { "name": "dbt-run-jaffle_shop" }, "state": "FAILED",
                          "endedAt": "2024-12-09T14:15:53.397Z",
                          "errorMessage": "Command `dbt run` failed at 14:15:53.397367 after 16.35 seconds",
                          "error": { "message": "Command `dbt run` failed at 14:15:53.397367 after 16.35 seconds",
                                     "programmingLanguage": "sql", "stackTrace": null } }""")
                .path("runs.edges")
                .entityList(Object.class)
                .hasSize(3);
    }

    private static String quoted(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }
}
