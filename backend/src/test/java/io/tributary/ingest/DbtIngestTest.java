package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * dbt-ol output: structured-logs mode on Snowflake (a dbt invocation, a model, and the model's SQL statement, with
 * run ids filled in so that parents link) and {@code dbt run} on Postgres.
 */
class DbtIngestTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOGS = "dbt/ol-dbt-structured-logs/";
    private static final String NS = "dbt-test-namespace";
    private static final String INVOCATION = "dbt-run-jaffle_shop";
    private static final String MODEL = "model.jaffle_shop.orders";
    private static final String STATEMENT = "model.jaffle_shop.orders.sql.1";
    private static final String SNOWFLAKE = "snowflake://mysnowflakeaccount.us-east-1.aws";
    private static final String DATABASE_ERROR = """
            Database Error in model orders (models/orders.sql)
              001003 (42000): SQL compilation error:
              syntax error line 17 at position 0 unexpected 'order_payments'.
              compiled code at target/run/jaffle_shop/models/orders.sql""";

    @Test
    void snowflakeRunLinksInvocationModelAndStatementWithSqlAndQueryId() {
        List<String> events = Fixtures.events(LOGS + "snowflake__successful_run_ol_events.json");
        Fixtures.Filled run = Fixtures.fill(events);
        postAll(run.events());

        assertThat(query("""
                        MATCH (r:Run)-[:RUN_OF]->(j:Job)
                        OPTIONAL MATCH (r)-[:CHILD_OF]->(p:Run)
                        OPTIONAL MATCH (j)-[:CHILD_OF]->(pj:Job)
                        RETURN j.name AS job, j.jobType AS type, r.runId AS run, r.state AS state, r.durationMs AS ms,
                               p.runId AS parent, pj.name AS parentJob ORDER BY job"""))
                .containsExactly(
                        row(
                                "job",
                                INVOCATION,
                                "type",
                                "JOB",
                                "run",
                                run.runId(NS, INVOCATION),
                                "state",
                                "COMPLETED",
                                "ms",
                                16279L,
                                "parent",
                                null,
                                "parentJob",
                                null),
                        row(
                                "job",
                                MODEL,
                                "type",
                                "MODEL",
                                "run",
                                run.runId(NS, MODEL),
                                "state",
                                "COMPLETED",
                                "ms",
                                3181L,
                                "parent",
                                run.runId(NS, INVOCATION),
                                "parentJob",
                                INVOCATION),
                        row(
                                "job",
                                STATEMENT,
                                "type",
                                "SQL",
                                "run",
                                run.runId(NS, STATEMENT),
                                "state",
                                "COMPLETED",
                                "ms",
                                2115L,
                                "parent",
                                run.runId(NS, MODEL),
                                "parentJob",
                                MODEL));
        assertThat(query("""
                        MATCH (j:Job) WHERE j.sql IS NOT NULL
                        RETURN j.name AS job, j.sql AS sql, j.sqlDialect AS dialect""")).containsExactly(row("job", STATEMENT, "sql", sql(events.get(2)), "dialect", null));
        assertThat(query("""
                        MATCH (r:Run) WHERE r.externalQueryId IS NOT NULL
                        RETURN r.runId AS run, r.externalQueryId AS id, r.externalQuerySource AS source"""))
                .containsExactly(row(
                        "run",
                        run.runId(NS, MODEL),
                        "id",
                        "01b8ea94-0412-5972-2a66-0301dfe7e617",
                        "source",
                        SNOWFLAKE));
        assertThat(query("""
                        MATCH (i:Dataset)-[:READ_BY]->(:Job {name: $model})-[:WRITES]->(o:Dataset)
                        RETURN i.name AS input, o.name AS output, o.description AS description,
                               o.dataSourceUri AS uri ORDER BY input""", Map.of("model", MODEL)))
                .extracting(r -> List.of(r.get("input"), r.get("output"), r.get("uri")))
                .containsExactly(
                        List.of("REPORTING.TEST_GENERAL.stg_orders", "REPORTING.TEST_GENERAL.orders", SNOWFLAKE),
                        List.of("REPORTING.TEST_GENERAL.stg_payments", "REPORTING.TEST_GENERAL.orders", SNOWFLAKE));
        assertThat(single("MATCH (d:Dataset {name: 'REPORTING.TEST_GENERAL.orders'}) RETURN d.description"))
                .isEqualTo("This table has basic information about orders, as well as some derived facts based on "
                        + "payments");
    }

    @Test
    void snowflakeFailureFailsEveryLevelWithItsErrorMessage() {
        Fixtures.Filled run = Fixtures.fill(Fixtures.events(LOGS + "snowflake__failed_run_ol_events.json"));
        postAll(run.events());

        List<Map<String, Object>> runs = query("""
                MATCH (r:Run)-[:RUN_OF]->(j:Job)
                RETURN j.name AS job, r.runId AS run, r.state AS state, r.durationMs AS ms, r.errorMessage AS error,
                       r.errorLanguage AS language ORDER BY job""");
        assertThat(runs)
                .containsExactly(
                        row(
                                "job",
                                INVOCATION,
                                "run",
                                run.runId(NS, INVOCATION),
                                "state",
                                "FAILED",
                                "ms",
                                16000L,
                                "error",
                                "Command `dbt run` failed at 14:15:53.397367 after 16.35 seconds",
                                "language",
                                "sql"),
                        row(
                                "job",
                                MODEL,
                                "run",
                                run.runId(NS, MODEL),
                                "state",
                                "FAILED",
                                "ms",
                                2116L,
                                "error",
                                DATABASE_ERROR,
                                "language",
                                "sql"),
                        row(
                                "job",
                                STATEMENT,
                                "run",
                                run.runId(NS, STATEMENT),
                                "state",
                                "FAILED",
                                "ms",
                                1702L,
                                "error",
                                DATABASE_ERROR,
                                "language",
                                "sql"));
        assertThat(query("MATCH (r:Run) WHERE r.stackTrace IS NOT NULL RETURN r.runId AS run, r.stackTrace AS trace"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("run")).isEqualTo(run.runId(NS, STATEMENT));
                    assertThat((String) r.get("trace"))
                            .startsWith("Traceback (most recent call last):")
                            .endsWith("compiled code at target/run/jaffle_shop/models/orders.sql\n");
                });
    }

    @Test
    void postgresRunKeepsTheNewestSqlFacetAndOutputRowCounts() {
        List<String> events = Fixtures.events("dbt/ol-dbt-tests/postgres__result.json");
        postAll(Fixtures.fill(events).events());

        assertThat(query("""
                        MATCH (j:Job {namespace: 'job-namespace'})
                        RETURN j.name AS job, j.sqlDialect AS dialect, j.sql IS NOT NULL AS hasSql ORDER BY job"""))
                .containsExactly(
                        row("job", "postgres.public.jaffle_shop.customers", "dialect", null, "hasSql", false),
                        // Its COMPLETE event's sql facet, the newest, has no dialect.
                        row("job", "postgres.public.jaffle_shop.orders", "dialect", null, "hasSql", true),
                        row("job", "postgres.public.jaffle_shop.stg_customers", "dialect", "postgres", "hasSql", true),
                        row("job", "postgres.public.jaffle_shop.stg_orders", "dialect", "postgres", "hasSql", true),
                        row("job", "postgres.public.jaffle_shop.stg_payments", "dialect", "postgres", "hasSql", true));
        assertThat(single("MATCH (j:Job {name: 'postgres.public.jaffle_shop.stg_customers'}) RETURN j.sql"))
                .isEqualTo(sql(events.getFirst()));
        assertThat(query("""
                        MATCH (r:Run)-[w:WROTE]->(d:Dataset) WHERE w.rowCount IS NOT NULL
                        RETURN d.name AS dataset, w.rowCount AS rows ORDER BY dataset"""))
                .containsExactly(
                        row("dataset", "postgres.public.customers", "rows", 100L),
                        row("dataset", "postgres.public.orders", "rows", 99L));
        assertThat(query("MATCH (r:Run) RETURN r.state AS state, count(*) AS n ORDER BY state"))
                .containsExactly(row("state", "COMPLETED", "n", 5L), row("state", "RUNNING", "n", 1L));
    }

    private static String sql(String event) {
        return JSON.readTree(event)
                .path("job")
                .path("facets")
                .path("sql")
                .path("query")
                .asString();
    }
}
