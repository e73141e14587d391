package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingest skips the fields of a schema a dataset already has as its current one, and the column-lineage edges a job
 * already reported the same way. These scenarios are where that could go wrong: a schema that comes back after
 * another one, the same column in two schemas with different types, and the same column edge reported by two jobs,
 * delivered in every order, repeated and in one batch; each must build the graph that in-order delivery builds.
 */
class RepeatedSchemaIngestTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Job A writes orders as (id long, name string); job B as (id string, total long); A again, twice. */
    private static List<String> events() {
        return List.of(
                event("2024-05-01T00:00:00Z", "job_a", "copy", "id", "long", "name", "string"),
                event("2024-05-02T00:00:00Z", "job_b", "cast", "id", "string", "total", "long"),
                event("2024-05-03T00:00:00Z", "job_a", "copy", "id", "long", "name", "string"),
                event("2024-05-04T00:00:00Z", "job_a", "copy", "id", "long", "name", "string"));
    }

    @Test
    void theNewestSchemaAndColumnLineageWinAfterAnotherSchemaCameInBetween() {
        postAll(events());

        assertThat(query("""
                        MATCH (d:Dataset {name: 'orders'})-[:HAS_FIELD]->(f:Field)
                        RETURN f.name AS name, f.type AS type, f.schemaVersion = d.schemaVersion AS current,
                               f.firstSeen AS firstSeen
                        ORDER BY name"""))
                .containsExactly(
                        row("name", "id", "type", "long", "current", true, "firstSeen", time("2024-05-01T00:00:00Z")),
                        row(
                                "name",
                                "name",
                                "type",
                                "string",
                                "current",
                                true,
                                "firstSeen",
                                time("2024-05-01T00:00:00Z")),
                        row(
                                "name",
                                "total",
                                "type",
                                "long",
                                "current",
                                false,
                                "firstSeen",
                                time("2024-05-02T00:00:00Z")));
        assertThat(query("""
                        MATCH (:Field {dataset: 'raw_orders', name: 'id'})-[e:FEEDS]->(t:Field {dataset: 'orders', name: 'id'})
                        MATCH (c:ColumnLineageVersion {namespace: t.namespace, dataset: t.dataset, hash: e.lineageHash})
                        RETURN e.jobName AS job, e.description AS description, e.firstSeen AS firstSeen,
                               c.lastSeen AS lastSeen"""))
                .containsExactly(row(
                        "job",
                        "job_a",
                        "description",
                        "copy",
                        "firstSeen",
                        time("2024-05-01T00:00:00Z"),
                        "lastSeen",
                        time("2024-05-04T00:00:00Z")));
        assertThat(single("MATCH (s:SchemaVersion {dataset: 'orders'}) RETURN count(s)"))
                .isEqualTo(2L);
    }

    @Test
    void everyOrderRepeatedOrBatchedBuildsTheInOrderGraph() {
        List<String> events = events();
        postAll(events);
        List<String> inOrder = canonicalGraph();
        for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
            emptyGraph();
            var delivery = new ArrayList<String>();
            order.forEach(i -> delivery.add(events.get(i)));
            postAll(delivery);
            postAll(delivery.subList(0, 2)); // redelivered
            assertThat(canonicalGraph()).as("order %s", order).containsExactlyElementsOf(inOrder);

            emptyGraph();
            postBatch("[" + String.join(",", delivery) + "]").expectStatus().is2xxSuccessful();
            assertThat(canonicalGraph()).as("batch in order %s", order).containsExactlyElementsOf(inOrder);
        }
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        var all = new ArrayList<List<Integer>>();
        for (Integer first : items) {
            var rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Integer> tail : permutations(rest)) {
                var p = new ArrayList<Integer>();
                p.add(first);
                p.addAll(tail);
                all.add(p);
            }
        }
        return all;
    }

    /** A COMPLETE event of a job reading raw_orders and writing orders with a two-column schema. */
    private static String event(
            String time, String job, String description, String f1, String t1, String f2, String t2) {
        var transformation = Map.of("type", "DIRECT", "subtype", "IDENTITY", "description", description);
        var lineage = new LinkedHashMap<String, Object>();
        lineage.put(
                f1,
                Map.of(
                        "inputFields",
                        List.of(Map.of(
                                "namespace", "db",
                                "name", "raw_orders",
                                "field", "id",
                                "transformations", List.of(transformation)))));
        var output = Map.of(
                "namespace",
                "db",
                "name",
                "orders",
                "facets",
                Map.of(
                        "schema",
                        Map.of("fields", List.of(Map.of("name", f1, "type", t1), Map.of("name", f2, "type", t2))),
                        "columnLineage",
                        Map.of("fields", lineage)));
        var event = new LinkedHashMap<String, Object>();
        event.put("eventType", "COMPLETE");
        event.put("eventTime", time);
        event.put(
                "run",
                Map.of(
                        "runId",
                        java.util
                                .UUID
                                .nameUUIDFromBytes((job + time).getBytes())
                                .toString()));
        event.put("job", Map.of("namespace", "etl", "name", job));
        event.put("inputs", List.of(Map.of("namespace", "db", "name", "raw_orders")));
        event.put("outputs", List.of(output));
        event.put("producer", "https://tributary.dev/tests");
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        return JSON.writeValueAsString(event);
    }
}
