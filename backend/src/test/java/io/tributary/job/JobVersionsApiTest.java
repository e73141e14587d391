package io.tributary.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.Redelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Job.versions over the real Spark CTAS events (spark/compat-tests-cll): the CTAS job's run reads cll_source1 and
 * cll_source2 with one SQL; a day later a run of the same job with new SQL reads only cll_source2. Two versions,
 * newest first, the newer one current and saying what changed; the same answer whatever the order of arrival.
 */
class JobVersionsApiTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NS = "testColumnLevelLineage";
    private static final String CTAS =
            "open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1";
    private static final String FIRST_RUN = "019127df-0850-72bc-b214-b255290588a6";
    private static final String NEXT_DAY_RUN = "019127df-0850-72bc-b214-000000000002";
    private static final String OLD_SQL = """
            CREATE TABLE tbl1 AS
            SELECT a.ident, b.trans, b.agg
            FROM cll_source1 a
            JOIN cll_source2 b ON a.ident = b.ident""";
    private static final String NEW_SQL = """
            CREATE TABLE tbl1 AS
            SELECT b.ident, b.agg
            FROM cll_source2 b""";

    private static final String VERSIONS = """
            query($ns: String!, $name: String!, $first: Int, $after: String) {
              job(namespace: $ns, name: $name) {
                currentVersion { hash current }
                versions(first: $first, after: $after) {
                  edges { cursor node {
                    hash firstSeen lastSeen current runCount latestRun { id }
                    inputs { namespace name } outputs { namespace name } sql jobType integration processingType
                    sourceCodeLocation { url }
                    changes {
                      previousHash inputsAdded { name } inputsRemoved { name } outputsAdded { name }
                      outputsRemoved { name } sqlChanged sqlDiff sourceCodeLocationChanged jobTypeChanged
                    }
                  } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }""";

    /** The set's nine events (the CTAS run's four carrying OLD_SQL), then the next day's run with NEW_SQL. */
    private static List<String> events() {
        var events = new ArrayList<String>();
        IntStream.rangeClosed(1, 9).forEach(i -> {
            String event = Fixtures.text("spark/compat-tests-cll/" + i + ".json");
            events.add(i >= 5 && i <= 8 ? withSql(event, OLD_SQL) : event);
        });
        events.add(withSql(
                Fixtures.sparkCtasRerun("spark/compat-tests-cll/5.json", "2024-08-07T13:26:53.776Z", NEXT_DAY_RUN),
                NEW_SQL));
        events.add(withSql(
                Fixtures.sparkCtasRerun("spark/compat-tests-cll/8.json", "2024-08-07T13:26:54.776Z", NEXT_DAY_RUN),
                NEW_SQL));
        return events;
    }

    private static String withSql(String event, String query) {
        var node = (ObjectNode) JSON.readTree(event);
        ((ObjectNode) node.get("job").get("facets"))
                .putObject("sql")
                .put("_producer", node.get("producer").asString())
                .put("_schemaURL", "https://openlineage.io/spec/facets/1-1-0/SQLJobFacet.json#/$defs/SQLJobFacet")
                .put("query", query);
        return node.toString();
    }

    record Dataset(String namespace, String name) {}

    record Name(String name) {}

    record Changes(
            String previousHash,
            List<Name> inputsAdded,
            List<Name> inputsRemoved,
            List<Name> outputsAdded,
            List<Name> outputsRemoved,
            boolean sqlChanged,
            String sqlDiff,
            boolean sourceCodeLocationChanged,
            boolean jobTypeChanged) {}

    record Run(String id) {}

    record Version(
            String hash,
            String firstSeen,
            String lastSeen,
            boolean current,
            int runCount,
            Run latestRun,
            List<Dataset> inputs,
            List<Dataset> outputs,
            String sql,
            String jobType,
            String integration,
            String processingType,
            Object sourceCodeLocation,
            Changes changes) {}

    @Test
    void listsTheVersionsNewestFirstWithTheDroppedInputAndTheSqlDiff() {
        postAll(events());

        List<Version> versions = versions(20, null);
        assertThat(versions).hasSize(2);
        Version newer = versions.get(0);
        Version older = versions.get(1);

        assertThat(newer.current()).isTrue();
        assertThat(newer.runCount()).isEqualTo(1);
        assertThat(newer.latestRun().id()).isEqualTo(NEXT_DAY_RUN);
        assertThat(Instant.parse(newer.firstSeen())).isEqualTo(Instant.parse("2024-08-07T13:26:53.776Z"));
        assertThat(Instant.parse(newer.lastSeen())).isEqualTo(Instant.parse("2024-08-07T13:26:54.776Z"));
        assertThat(newer.inputs()).containsExactly(new Dataset("file", "/tmp/cll_test/cll_source2"));
        assertThat(newer.outputs()).containsExactly(new Dataset("file", "/tmp/cll_test/tbl1"));
        assertThat(newer.sql()).isEqualTo(NEW_SQL);
        assertThat(List.of(newer.jobType(), newer.integration(), newer.processingType()))
                .containsExactly("SQL_JOB", "SPARK", "BATCH");
        assertThat(newer.sourceCodeLocation()).isNull();

        Changes changes = newer.changes();
        assertThat(changes.previousHash()).isEqualTo(older.hash());
        assertThat(changes.inputsRemoved()).containsExactly(new Name("/tmp/cll_test/cll_source1"));
        assertThat(changes.inputsAdded()).isEmpty();
        assertThat(changes.outputsAdded()).isEmpty();
        assertThat(changes.outputsRemoved()).isEmpty();
        assertThat(changes.sqlChanged()).isTrue();
        assertThat(changes.sourceCodeLocationChanged()).isFalse();
        assertThat(changes.jobTypeChanged()).isFalse();
        assertThat(changes.sqlDiff())
                .isEqualTo(String.join(
                        "\n",
                        "--- sql@" + older.hash().substring(0, 12),
                        "+++ sql@" + newer.hash().substring(0, 12),
                        "@@ -1,4 +1,3 @@",
                        " CREATE TABLE tbl1 AS",
                        "-SELECT a.ident, b.trans, b.agg",
                        "-FROM cll_source1 a",
                        "-JOIN cll_source2 b ON a.ident = b.ident",
                        "+SELECT b.ident, b.agg",
                        "+FROM cll_source2 b"));

        assertThat(older.current()).isFalse();
        assertThat(older.latestRun().id()).isEqualTo(FIRST_RUN);
        assertThat(Instant.parse(older.firstSeen())).isEqualTo(Instant.parse("2024-08-06T13:26:53.776Z"));
        assertThat(older.inputs())
                .containsExactly(
                        new Dataset("file", "/tmp/cll_test/cll_source1"),
                        new Dataset("file", "/tmp/cll_test/cll_source2"));
        assertThat(older.sql()).isEqualTo(OLD_SQL);
        assertThat(older.changes()).as("the first version changed nothing").isNull();
        assertThat(newer.hash()).isNotEqualTo(older.hash()).hasSize(64);

        graphQl.document(VERSIONS)
                .variable("ns", NS)
                .variable("name", CTAS)
                .execute()
                .path("job.currentVersion.hash")
                .entity(String.class)
                .isEqualTo(newer.hash());
    }

    @Test
    void pagesNewestFirst() {
        postAll(events());
        List<Version> all = versions(20, null);

        var first = graphQl.document(VERSIONS)
                .variable("ns", NS)
                .variable("name", CTAS)
                .variable("first", 1)
                .execute();
        first.path("job.versions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.path("job.versions.edges[0].node.hash")
                .entity(String.class)
                .isEqualTo(all.get(0).hash());
        String cursor = first.path("job.versions.pageInfo.endCursor")
                .entity(String.class)
                .get();

        List<Version> next = versions(1, cursor);
        assertThat(next).extracting(Version::hash).containsExactly(all.get(1).hash());
        // Its changes are against the version after it in the list, which is on no page: there is none.
        assertThat(next.getFirst().changes()).isNull();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8})
    void anyOrderAndRedeliveryGiveTheSameVersions(long seed) {
        postAll(events());
        Map<String, Object> inOrder = answer();
        emptyGraph();

        postAll(Redelivery.shuffledWithCopies(events(), seed));

        assertThat(answer()).isEqualTo(inOrder);
        assertThat(versions(20, null)).hasSize(2);
    }

    @Test
    void theDroppedInputsEdgeIsHistoryInAWindowAndAbsentFromTheCurrentGraph() {
        postAll(events());
        String source1 = "DATASET:file:%2Ftmp%2Fcll_test%2Fcll_source1";
        String source2 = "DATASET:file:%2Ftmp%2Fcll_test%2Fcll_source2";
        String job = "JOB:" + NS + ":" + CTAS;
        String lineage = """
                query($since: DateTime) {
                  lineage(node: {kind: DATASET, namespace: "file", name: "/tmp/cll_test/tbl1"}, direction: UPSTREAM,
                          depth: 2, since: $since) { edges { from to history } }
                }""";

        graphQl.document(lineage).execute().path("lineage.edges").matchesJsonStrictly("""
                        [ { "from": "%s", "to": "%s", "history": false },
                          { "from": "%s", "to": "DATASET:file:%%2Ftmp%%2Fcll_test%%2Ftbl1", "history": false } ]""".formatted(source2, job, job));
        graphQl.document(lineage)
                .variable("since", "2024-08-01T00:00:00Z")
                .execute()
                .path("lineage.edges")
                .matchesJsonStrictly("""
                        [ { "from": "%s", "to": "%s", "history": true },
                          { "from": "%s", "to": "%s", "history": false },
                          { "from": "%s", "to": "DATASET:file:%%2Ftmp%%2Fcll_test%%2Ftbl1", "history": false } ]""".formatted(source1, job, source2, job, job));
    }

    private List<Version> versions(int first, String after) {
        return graphQl.document(VERSIONS)
                .variable("ns", NS)
                .variable("name", CTAS)
                .variable("first", first)
                .variable("after", after)
                .execute()
                .path("job.versions.edges[*].node")
                .entityList(Version.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> answer() {
        return graphQl.document(VERSIONS)
                .variable("ns", NS)
                .variable("name", CTAS)
                .execute()
                .path("job")
                .entity(Map.class)
                .get();
    }
}
