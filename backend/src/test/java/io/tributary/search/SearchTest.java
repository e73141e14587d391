package io.tributary.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;

class SearchTest extends EndToEndTest {

    private static final String SEARCH = """
            query($q: String!, $kinds: [NodeKind!]) {
              search(query: $q, kinds: $kinds) { kind namespace name field }
            }""";

    @BeforeEach
    void ingestSparkColumnLineageRun() {
        for (int i = 1; i <= 9; i++) {
            post(Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                    .expectStatus()
                    .isCreated();
        }
    }

    private List<Map<String, Object>> search(String query, List<String> kinds) {
        return graphQl.document(SEARCH)
                .variable("q", query)
                .variable("kinds", kinds)
                .execute()
                .path("search")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();
    }

    @Test
    void findsDatasetsAndTheirSymlinkedTablesByAWordInsideTheirPath() {
        assertThat(search("tbl1", List.of("DATASET")))
                .extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("/tmp/cll_test/tbl1", "default.tbl1");
    }

    @Test
    void findsColumnsByNameAndPrefix() {
        assertThat(search("ag", List.of("FIELD")))
                .containsExactly(
                        Map.of("kind", "FIELD", "namespace", "file", "name", "/tmp/cll_test/tbl1", "field", "agg"));
    }

    @Test
    void requiresEveryWordAndSplitsUnderscores() {
        assertThat(search("cll source2", List.of("DATASET")))
                .extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("/tmp/cll_test/cll_source2", "default.cll_source2");
    }

    @Test
    void findsJobsByAPartOfTheirDottedName() {
        assertThat(search("create hive table", List.of("JOB")))
                .extracting(r -> r.get("name"))
                .containsExactly(
                        "open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1");
    }

    @Test
    void treatsLuceneSyntaxAsPlainWords() {
        assertThat(search("tbl1) OR *:*", List.of("DATASET"))).isEmpty();
    }

    @Test
    void refusesAQueryWithoutWords() {
        graphQl.document(SEARCH)
                .variable("q", " ?! ")
                .execute()
                .errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST)
                .verify();
    }
}
