package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dataset and its symlinks are one node for every walk. Spark (compatibility-tests CLL scenario, events 1..9) writes
 * the path /tmp/cll_test/tbl1 and names the Hive table default.tbl1 as its symlink; a downstream job reads the table
 * by its table name. Lineage, column lineage and impact cross from one name to the other, whatever the order the
 * events arrive in, and when the symlink is only learned later from a DatasetEvent.
 */
class SymlinkLineageTest extends LineageTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String NS = "file";
    private static final String JOBS = "testColumnLevelLineage";
    private static final String CTAS =
            "open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1";
    private static final String TABLE_NS = "file:/tmp/cll_test";

    /** The downstream job: reads the CTAS output by its table name, derives daily.total from its agg column. */
    private static final String REPORT = """
            {"eventType": "COMPLETE", "eventTime": "2024-08-07T08:00:00Z",
             "producer": "https://tributary.dev/tests",
             "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
             "run": {"runId": "0191f2a1-0000-7000-8000-000000000001"},
             "job": {"namespace": "trino", "name": "reports.daily"},
             "inputs": [{"namespace": "file:/tmp/cll_test", "name": "default.tbl1"}],
             "outputs": [{"namespace": "file:/tmp/reports", "name": "daily", "facets": {
               "schema": {"_producer": "https://tributary.dev/tests",
                          "_schemaURL": "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet",
                          "fields": [{"name": "total", "type": "long"}]},
               "columnLineage": {"_producer": "https://tributary.dev/tests",
                 "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet",
                 "fields": {"total": {"inputFields": [{"namespace": "file:/tmp/cll_test", "name": "default.tbl1",
                   "field": "agg", "transformations": [{"type": "DIRECT", "subtype": "AGGREGATION"}]}]}}}}}]}
            """;

    /** The symlink, told by a static DatasetEvent (OpenLineage 2-0-2) after the runs that did not name it. */
    private static final String SYMLINK_EVENT = """
            {"eventTime": "2024-08-08T08:00:00Z", "producer": "https://tributary.dev/tests",
             "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent",
             "dataset": {"namespace": "file", "name": "/tmp/cll_test/tbl1", "facets": {
               "symlinks": {"_producer": "https://tributary.dev/tests",
                 "_schemaURL": "https://openlineage.io/spec/facets/1-0-1/SymlinksDatasetFacet.json#/$defs/SymlinksDatasetFacet",
                 "identifiers": [{"namespace": "file:/tmp/cll_test", "name": "default.tbl1", "type": "TABLE"}]}}}}
            """;

    private static final String NAMED_LINEAGE = """
            query($node: NodeRef!, $direction: Direction) {
              lineage(node: $node, direction: $direction, depth: 10) {
                nodes { id kind namespace name distance otherNames { namespace name } }
                edges { from to }
                truncated
              }
            }""";

    private static List<String> spark() {
        var events = new ArrayList<String>();
        for (int i = 1; i <= 9; i++) {
            events.add(Fixtures.text("spark/compat-tests-cll/" + i + ".json"));
        }
        return events;
    }

    /** The Spark events as a producer that does not name the CTAS output's table would send them. */
    private static List<String> sparkWithoutSymlinks() {
        return spark().stream()
                .map(text -> {
                    JsonNode event = JSON.readTree(text);
                    for (String side : List.of("inputs", "outputs")) {
                        for (JsonNode dataset : event.path(side)) {
                            if (dataset.path("name").asString().equals("/tmp/cll_test/tbl1")
                                    && dataset.get("facets") instanceof ObjectNode facets) {
                                facets.remove("symlinks");
                            }
                        }
                    }
                    return JSON.writeValueAsString(event);
                })
                .toList();
    }

    private void send(List<String> events) {
        events.forEach(e -> post(e).expectStatus().isCreated());
    }

    private Map<String, Object> lineageOf(Map<String, Object> node, String direction) {
        return graphQl.document(NAMED_LINEAGE)
                .variable("node", node)
                .variable("direction", direction)
                .execute()
                .path("lineage")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private List<Node> upstreamOfTheReport() {
        return graphQl.document(LINEAGE)
                .variable("node", ref("DATASET", "file:/tmp/reports", "daily"))
                .variable("direction", "UPSTREAM")
                .variable("depth", 10)
                .execute()
                .path("lineage.nodes")
                .entityList(Node.class)
                .get();
    }

    private List<Column> columnsUpstreamOfTheReport() {
        return graphQl.document(COLUMN_LINEAGE)
                .variable("node", field("file:/tmp/reports", "daily", "total"))
                .variable("direction", "UPSTREAM")
                .execute()
                .path("columnLineage.nodes")
                .entityList(Column.class)
                .get();
    }

    @Test
    void lineageCrossesFromTheTableNameTheReportReadsToTheSparkPathAndItsSources() {
        send(spark());
        send(List.of(REPORT));

        assertThat(upstreamOfTheReport())
                .containsExactly(
                        dataset("file:/tmp/reports", "daily", 0),
                        job("trino", "reports.daily", 1),
                        // The path declares the table as its symlink: the group is shown under the path.
                        dataset(NS, "/tmp/cll_test/tbl1", 2),
                        job(JOBS, CTAS, 3),
                        dataset(NS, "/tmp/cll_test/cll_source1", 4),
                        dataset(NS, "/tmp/cll_test/cll_source2", 4),
                        job(
                                JOBS,
                                "open_lineage_integration_create_table.execute_create_table_command.cll_test_cll_source1",
                                5),
                        job(
                                JOBS,
                                "open_lineage_integration_create_table.execute_create_table_command.cll_test_cll_source2",
                                5));
    }

    @Test
    void lineageCrossesDownstreamFromThePathToTheJobReadingTheTableAndShowsBothNamesOnOneNode() {
        send(spark());
        send(List.of(REPORT));

        Map<String, Object> answer = lineageOf(ref("DATASET", NS, "/tmp/cll_test/cll_source1"), "DOWNSTREAM");

        @SuppressWarnings("unchecked")
        var nodes = (List<Map<String, Object>>) answer.get("nodes");
        assertThat(nodes)
                .extracting(n -> n.get("name") + "@" + n.get("distance"))
                .containsExactly(
                        "/tmp/cll_test/cll_source1@0",
                        CTAS + "@1",
                        "/tmp/cll_test/tbl1@2",
                        "reports.daily@3",
                        "daily@4");
        assertThat(nodes.get(2).get("otherNames"))
                .isEqualTo(List.of(Map.of("namespace", TABLE_NS, "name", "default.tbl1")));
        assertThat(nodes.get(0).get("otherNames"))
                .isEqualTo(List.of(Map.of("namespace", TABLE_NS, "name", "default.cll_source1")));
        assertThat(nodes.get(1).get("otherNames")).isEqualTo(List.of());
        assertThat(answer.get("edges"))
                .isEqualTo(List.of(
                        Map.of(
                                "from",
                                NodeId.of(NodeKind.DATASET, NS, "/tmp/cll_test/cll_source1"),
                                "to",
                                NodeId.of(NodeKind.JOB, JOBS, CTAS)),
                        Map.of(
                                "from",
                                NodeId.of(NodeKind.DATASET, NS, "/tmp/cll_test/tbl1"),
                                "to",
                                NodeId.of(NodeKind.JOB, "trino", "reports.daily")),
                        Map.of(
                                "from",
                                NodeId.of(NodeKind.JOB, JOBS, CTAS),
                                "to",
                                NodeId.of(NodeKind.DATASET, NS, "/tmp/cll_test/tbl1")),
                        Map.of(
                                "from",
                                NodeId.of(NodeKind.JOB, "trino", "reports.daily"),
                                "to",
                                NodeId.of(NodeKind.DATASET, "file:/tmp/reports", "daily"))));
        assertThat(answer.get("truncated")).isEqualTo(false);
    }

    @Test
    void aWalkFromTheTableNameIsAnsweredUnderThatName() {
        send(spark());
        send(List.of(REPORT));

        Map<String, Object> answer = lineageOf(ref("DATASET", TABLE_NS, "default.tbl1"), "UPSTREAM");

        @SuppressWarnings("unchecked")
        var nodes = (List<Map<String, Object>>) answer.get("nodes");
        assertThat(nodes.getFirst())
                .containsEntry("name", "default.tbl1")
                .containsEntry("distance", 0)
                .containsEntry("otherNames", List.of(Map.of("namespace", NS, "name", "/tmp/cll_test/tbl1")));
        assertThat(nodes).extracting(n -> n.get("name")).contains(CTAS, "/tmp/cll_test/cll_source1");
    }

    @Test
    void columnLineageCrossesFromTheTableColumnToTheSparkDerivationsOfThePathColumn() {
        send(spark());
        send(List.of(REPORT));

        List<Column> columns = columnsUpstreamOfTheReport();

        assertThat(columns).first().extracting(Column::field).isEqualTo("total");
        assertThat(columns)
                .filteredOn(c -> c.distance() == 1)
                .extracting(c -> c.dataset() + "." + c.field())
                .containsExactly("/tmp/cll_test/tbl1.agg");
        assertThat(columns)
                .filteredOn(c -> c.distance() == 2)
                .extracting(Column::dataset)
                .isNotEmpty()
                .allMatch(d -> d.startsWith("/tmp/cll_test/cll_source"));
    }

    @Test
    void impactCsvOfASparkSourceReachesTheReportReadingTheTableName() {
        send(spark());
        send(List.of(REPORT));

        String csv = web.get()
                .uri(b -> b.path("/api/v1/impact.csv")
                        .queryParam("namespace", NS)
                        .queryParam("name", "/tmp/cll_test/cll_source1")
                        .build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(csv).contains("DATASET,file:/tmp/reports,daily,,4,").contains("JOB,trino,reports.daily,,3,");
    }

    @Test
    void theAnswerIsTheSameWhateverOrderTheEventsArriveIn() {
        send(spark());
        send(List.of(REPORT));
        Map<String, Object> inOrder = lineageOf(ref("DATASET", "file:/tmp/reports", "daily"), "UPSTREAM");
        List<Column> columnsInOrder = columnsUpstreamOfTheReport();

        for (long seed : List.of(1L, 2L, 3L)) {
            emptyGraph();
            var shuffled = new ArrayList<>(spark());
            shuffled.add(REPORT);
            Collections.shuffle(shuffled, new Random(seed));
            send(shuffled);

            assertThat(lineageOf(ref("DATASET", "file:/tmp/reports", "daily"), "UPSTREAM"))
                    .as("seed " + seed)
                    .isEqualTo(inOrder);
            assertThat(columnsUpstreamOfTheReport()).as("seed " + seed).isEqualTo(columnsInOrder);
        }
    }

    @Test
    void aSymlinkLearnedLaterFromADatasetEventJoinsTheTwoGraphs() {
        send(List.of(REPORT));
        send(sparkWithoutSymlinks());

        assertThat(upstreamOfTheReport())
                .extracting(Node::name)
                .containsExactly("daily", "reports.daily", "default.tbl1");
        assertThat(columnsUpstreamOfTheReport()).extracting(Column::field).containsExactly("total", "agg");

        send(List.of(SYMLINK_EVENT));

        Map<String, Object> joined = lineageOf(ref("DATASET", "file:/tmp/reports", "daily"), "UPSTREAM");
        List<Column> joinedColumns = columnsUpstreamOfTheReport();
        assertThat(upstreamOfTheReport()).contains(job(JOBS, CTAS, 3), dataset(NS, "/tmp/cll_test/cll_source1", 4));
        assertThat(joinedColumns)
                .filteredOn(c -> c.distance() == 2)
                .extracting(Column::dataset)
                .isNotEmpty()
                .allMatch(d -> d.startsWith("/tmp/cll_test/cll_source"));

        // The same graph as when the runs named the symlink themselves.
        emptyGraph();
        send(spark());
        send(List.of(REPORT));
        assertThat(lineageOf(ref("DATASET", "file:/tmp/reports", "daily"), "UPSTREAM"))
                .isEqualTo(joined);
        assertThat(columnsUpstreamOfTheReport()).isEqualTo(joinedColumns);
    }
}
