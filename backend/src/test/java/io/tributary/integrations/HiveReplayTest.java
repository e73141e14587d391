package io.tributary.integrations;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorded output of the OpenLineage Hive hook for a CREATE TABLE AS SELECT whose columns are partly masked with
 * sha1: the job's Hive SQL, column lineage with masking, the tables' LOCATION symlinks.
 */
class HiveReplayTest extends EndToEndTest {

    private static final String DIR = "hive/ol-hive-expected/";
    private static final String HIVE = "hive://localhost:9083";
    private Fixtures.Filled replay;

    @BeforeEach
    void ingestTheHiveRecordings() {
        replay = Replay.events(
                List.of(DIR + "cllSimpleQueryMaskingStart.json", DIR + "cllSimpleQueryMaskingComplete.json"),
                List.of("2026-02-02T08:00:00Z", "2026-02-02T08:00:12.500Z"));
        postAll(replay.events());
    }

    @Test
    void theJobShowsItsHiveSqlAndCompletedRun() {
        graphQl.document("""
                        { job(namespace: "default", name: "createtable_as_select.test.xxx") {
                            jobType integration processingType sql { query dialect }
                            latestRun { id state durationMs } } }""").execute().path("job").matchesJsonStrictly("""
                        { "jobType": "QUERY", "integration": "HIVE", "processingType": "BATCH",
                          "sql": { "query": "CREATE TABLE xxx AS SELECT \\na as i, \\na + 1 as t, \\nsha1(string(a + 1)) as mt, \\nsum(b) as a, \\nsha1(string(sum(b))) as ma \\nFROM t1 GROUP BY a",
                                   "dialect": "hive" },
                          "latestRun": { "id": "%s", "state": "COMPLETED", "durationMs": 12500 } }""".formatted(
                        replay.runId("default", "createtable_as_select.test.xxx")));
    }

    /**
     * The sha1 columns (mt, ma) are masked, the plain ones not. The facet's dataset-level entry (t1.a, INDIRECT
     * GROUP_BY: the grouping shapes every row of the output) feeds every output column.
     */
    @Test
    void columnLineageMarksTheHashedColumnsAsMasked() {
        graphQl.document("""
                        { columnLineage(node: { kind: DATASET, namespace: "hive://localhost:9083", name: "test.xxx" }) {
                            nodes { dataset field type distance }
                            edges { from to transformation { type subtype masking } } truncated } }""").execute().path("columnLineage").matchesJsonStrictly("""
                        { "nodes": [
                            { "dataset": "test.xxx", "field": "a", "type": "bigint", "distance": 0 },
                            { "dataset": "test.xxx", "field": "i", "type": "int", "distance": 0 },
                            { "dataset": "test.xxx", "field": "ma", "type": "string", "distance": 0 },
                            { "dataset": "test.xxx", "field": "mt", "type": "string", "distance": 0 },
                            { "dataset": "test.xxx", "field": "t", "type": "int", "distance": 0 },
                            { "dataset": "test.t1", "field": "a", "type": "int", "distance": 1 },
                            { "dataset": "test.t1", "field": "b", "type": "int", "distance": 1 } ],
                          "edges": [
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:a", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:a",
  "transformation": { "type": "INDIRECT", "subtype": "GROUP_BY", "masking": false } },
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:a", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:i",
  "transformation": { "type": "DIRECT", "subtype": "IDENTITY", "masking": false } },
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:a", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:i",
  "transformation": { "type": "INDIRECT", "subtype": "GROUP_BY", "masking": false } },
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:a", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:ma",
  "transformation": { "type": "INDIRECT", "subtype": "GROUP_BY", "masking": false } },
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:a", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:mt",
  "transformation": { "type": "DIRECT", "subtype": "TRANSFORMATION", "masking": true } },
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:a", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:mt",
  "transformation": { "type": "INDIRECT", "subtype": "GROUP_BY", "masking": false } },
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:a", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:t",
  "transformation": { "type": "DIRECT", "subtype": "TRANSFORMATION", "masking": false } },
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:a", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:t",
  "transformation": { "type": "INDIRECT", "subtype": "GROUP_BY", "masking": false } },
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:b", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:a",
  "transformation": { "type": "DIRECT", "subtype": "AGGREGATION", "masking": false } },
{ "from": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.t1:b", "to": "FIELD:hive%3A%2F%2Flocalhost%3A9083:test.xxx:ma",
  "transformation": { "type": "DIRECT", "subtype": "AGGREGATION", "masking": true } } ],
                          "truncated": false }""");
    }

    @Test
    void bothTablesLinkToTheirWarehouseLocations() {
        graphQl.document("""
                        { input: dataset(namespace: "hive://localhost:9083", name: "test.t1") {
                            fields { name type } symlinks { dataset { namespace name } type direction } consumers { name } }
                          output: dataset(namespace: "hive://localhost:9083", name: "test.xxx") {
                            fields { name type } symlinks { dataset { namespace name } type direction } producers { name } } }""").execute().path("").matchesJsonStrictly("""
                        { "input": {
                            "fields": [ { "name": "a", "type": "int" }, { "name": "b", "type": "int" } ],
                            "symlinks": [ { "dataset": { "namespace": "file", "name": "/opt/hive/data/warehouse/test.db/t1" },
                                            "type": "LOCATION", "direction": "OUTGOING" } ],
                            "consumers": [ { "name": "createtable_as_select.test.xxx" } ] },
                          "output": {
                            "fields": [ { "name": "i", "type": "int" }, { "name": "t", "type": "int" },
                                        { "name": "mt", "type": "string" }, { "name": "a", "type": "bigint" },
                                        { "name": "ma", "type": "string" } ],
                            "symlinks": [ { "dataset": { "namespace": "file", "name": "/opt/hive/data/warehouse/test.db/xxx" },
                                            "type": "LOCATION", "direction": "OUTGOING" } ],
                            "producers": [ { "name": "createtable_as_select.test.xxx" } ] } }""");
    }
}
