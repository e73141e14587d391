package io.tributary.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
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
    void ranksADatasetAboveItsOwnColumnsWhenItsNameIsSearched() {
        List<Map<String, Object>> results = search("cll source2", null);
        assertThat(results).anyMatch(r -> r.get("kind").equals("FIELD"));
        // Its columns match too (a column's text carries its dataset's name), but come after every dataset and job.
        int lastNonField = lastIndexWhere(results, r -> !r.get("kind").equals("FIELD"));
        int firstField = indexWhere(results, r -> r.get("kind").equals("FIELD"));
        assertThat(lastNonField).isLessThan(firstField);
        assertThat(results.subList(0, 2))
                .extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("/tmp/cll_test/cll_source2", "default.cll_source2");
    }

    @Test
    void putsAnExactNameFirstWhateverItsKind() {
        // "a" is a column of several datasets, and a prefix of other names (the column agg, the job's "as_select").
        List<Map<String, Object>> results = search("a", null);
        assertThat(results.getFirst()).containsEntry("kind", "FIELD").containsEntry("field", "a");
        int lastExact = lastIndexWhere(results, r -> "a".equals(r.get("field")));
        assertThat(results.subList(0, lastExact + 1)).allMatch(r -> "a".equals(r.get("field")));
        assertThat(results.subList(lastExact + 1, results.size())).noneMatch(r -> "a".equals(r.get("field")));
    }

    @Test
    void putsTheDatasetWhoseLastPathPartIsTheQueryFirst() {
        List<Map<String, Object>> results = search("tbl1", null);
        assertThat(results.subList(0, 2))
                .extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("/tmp/cll_test/tbl1", "default.tbl1");
        assertThat(results.subList(0, 2)).allMatch(r -> r.get("kind").equals("DATASET"));
    }

    private static int indexWhere(List<Map<String, Object>> results, Predicate<Map<String, Object>> test) {
        return IntStream.range(0, results.size())
                .filter(i -> test.test(results.get(i)))
                .findFirst()
                .orElse(results.size());
    }

    private static int lastIndexWhere(List<Map<String, Object>> results, Predicate<Map<String, Object>> test) {
        return IntStream.range(0, results.size())
                .filter(i -> test.test(results.get(i)))
                .max()
                .orElse(-1);
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
