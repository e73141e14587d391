package io.tributary.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The column-lineage facet's dataset-level entries ({@code columnLineage.dataset}, spec 1.2: input columns that shape
 * the whole output, such as GROUP BY, FILTER and JOIN columns) on the recorded Hive CTAS: each feeds every output
 * column, exactly as if the producer had repeated it under every output field (which openlineage-spark does unless
 * {@code spark.openlineage.columnLineage.datasetLineageEnabled} is set).
 */
class DatasetColumnLineageTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMPLETE = "hive/ol-hive-expected/cllSimpleQueryMaskingComplete.json";

    @Test
    void datasetLevelEntriesDrawTheSameGraphAsTheSameEntriesRepeatedUnderEveryField() {
        ObjectNode listedOnce = event();
        ObjectNode repeated = listedOnce.deepCopy();
        var facet = (ObjectNode) output(repeated).path("facets").path("columnLineage");
        var datasetWide = (ArrayNode) facet.remove("dataset");
        for (var field : facet.path("fields").properties()) {
            ((ArrayNode) field.getValue().path("inputFields")).addAll(datasetWide);
        }

        post(listedOnce.toString()).expectStatus().isCreated();
        var fromDatasetEntries = derivations();
        emptyGraph();
        post(repeated.toString()).expectStatus().isCreated();
        var fromFieldEntries = derivations();

        assertThat(fromDatasetEntries)
                .filteredOn(d -> d.contains("INDIRECT/GROUP_BY"))
                .containsExactlyInAnyOrder(
                        "t1.a -> xxx.a INDIRECT/GROUP_BY",
                        "t1.a -> xxx.i INDIRECT/GROUP_BY",
                        "t1.a -> xxx.ma INDIRECT/GROUP_BY",
                        "t1.a -> xxx.mt INDIRECT/GROUP_BY",
                        "t1.a -> xxx.t INDIRECT/GROUP_BY");
        assertThat(fromDatasetEntries).hasSize(10).isEqualTo(fromFieldEntries);
    }

    /** Without a schema or field entries nothing says which columns the output has: the entry stays in the facet. */
    @Test
    void datasetLevelEntriesOfAnOutputWithoutColumnsStayInTheFacet() {
        ObjectNode event = event();
        var output = (ObjectNode) output(event);
        ((ObjectNode) output.path("facets")).remove("schema");
        ((ObjectNode) output.path("facets").path("columnLineage")).putObject("fields");

        post(event.toString()).expectStatus().isCreated();

        assertThat(derivations()).isEmpty();
        graphQl.document("""
                        { dataset(namespace: "hive://localhost:9083", name: "test.xxx") {
                            fields { name } facets } }""")
                .execute()
                .path("dataset.facets.columnLineage.dataset[0]")
                .entity(Map.class)
                .satisfies(entry ->
                        assertThat(entry).containsEntry("name", "test.t1").containsEntry("field", "a"));
    }

    private static ObjectNode event() {
        String filled = Replay.events(List.of(COMPLETE), List.of("2026-02-02T08:00:12.500Z"))
                .events()
                .getFirst();
        return (ObjectNode) JSON.readTree(filled);
    }

    private static JsonNode output(ObjectNode event) {
        return event.path("outputs").get(0);
    }

    /** Every FEEDS edge as "dataset.field -> dataset.field TYPE/SUBTYPE", sorted (dataset names without schema). */
    private List<String> derivations() {
        return query("""
                        MATCH (a:Field)-[e:FEEDS]->(b:Field)
                        RETURN a.dataset AS fromDataset, a.name AS fromField, b.dataset AS toDataset, b.name AS toField,
                               e.type AS type, e.subtype AS subtype""").stream()
                .map(r -> tableName(r.get("fromDataset")) + "." + r.get("fromField") + " -> "
                        + tableName(r.get("toDataset")) + "." + r.get("toField") + " " + r.get("type") + "/"
                        + r.get("subtype"))
                .sorted()
                .toList();
    }

    private static String tableName(Object dataset) {
        String name = (String) dataset;
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
