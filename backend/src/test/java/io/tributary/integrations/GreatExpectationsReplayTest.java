package io.tributary.integrations;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorded output of Great Expectations' OpenLineage action (three validations, one with failed expectations) as the
 * Issues view shows it; the quality history itself is asserted by {@code QualityApiTest}.
 */
class GreatExpectationsReplayTest extends EndToEndTest {

    private static final String GREAT_EXPECTATIONS =
            "great_expectations/ol-airflow-integration-expected__great_expectations.json";

    @BeforeEach
    void ingestTheValidations() {
        postAll(Fixtures.filled(GREAT_EXPECTATIONS, "ge", "2021-06-01T10:00:00Z"));
    }

    @Test
    void failedExpectationsAreDataQualityIssuesOfTheValidatedTable() {
        String run = Fixtures.runId("ge", "food_delivery", "expectations.2980d102bd5a4ba1225e245a6c5c4f11");
        graphQl.document("""
                        { issues(since: "2021-01-01T00:00:00Z") {
                            kind time summary run { id state } job { namespace name } dataset { namespace name }
                            failedAssertions { assertion column } } }""").execute().path("issues").matchesJsonStrictly("""
                        [ { "kind": "DATA_QUALITY", "time": "2021-06-01T10:00:00.000Z", "summary": "2 failed assertion(s) on transactions_bad: expect_column_values_to_not_be_null(counterparty_id), expect_column_distinct_values_to_be_in_set(currency)",
                            "run": { "id": "%s", "state": "COMPLETED" },
                            "job": { "namespace": "food_delivery", "name": "expectations.2980d102bd5a4ba1225e245a6c5c4f11" },
                            "dataset": { "namespace": "sqlite", "name": "transactions_bad" },
                            "failedAssertions": [
                              { "assertion": "expect_column_values_to_not_be_null", "column": "counterparty_id" },
                              { "assertion": "expect_column_distinct_values_to_be_in_set", "column": "currency" } ] } ]""".formatted(run));
    }
}
