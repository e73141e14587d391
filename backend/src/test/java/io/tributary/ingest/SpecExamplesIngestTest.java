package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The spec's and clients' own example events: a full run event, a DatasetEvent, a JobEvent, Marquez' seed data. */
class SpecExamplesIngestTest extends EndToEndTest {

    private static final String RUN = "ea041791-68bc-4ae1-bd89-4c8106a157e4";
    private static final String PARENT_RUN = "3f5e83fa-3480-44ff-99c5-ff943904e5e8";
    private static final String TABLE = "instance.schema.table";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fullPythonClientEventStoresRunJobDatasetStatisticsAndAssertions() {
        post(Fixtures.text("spec-examples/python_client__example_full_event.json"))
                .expectStatus()
                .isCreated();

        assertThat(query("""
                        MATCH (r:Run {runId: $id})-[:RUN_OF]->(j:Job)
                        RETURN j.namespace + '/' + j.name AS job, r.state AS state, r.startedAt AS startedAt,
                               r.endedAt AS endedAt, r.durationMs AS ms, r.nominalStartTime AS nominalStart,
                               r.nominalEndTime AS nominalEnd""", Map.of("id", RUN)))
                .containsExactly(row(
                        "job",
                        "my-scheduler-namespace/myjob.mytask",
                        "state",
                        "COMPLETED",
                        "startedAt",
                        null,
                        "endedAt",
                        time("2020-12-28T19:51:01.641Z"),
                        "ms",
                        null,
                        "nominalStart",
                        time("2020-12-17T03:00:00.001Z"),
                        "nominalEnd",
                        time("2020-12-17T04:00:00.001Z")));
        // The parent run was never reported itself: a placeholder of the same job.
        assertThat(query("""
                        MATCH (:Run {runId: $id})-[:CHILD_OF]->(p:Run)-[:RUN_OF]->(j:Job)
                        RETURN p.runId AS parent, p.placeholder AS placeholder, p.state AS state, j.name AS job""", Map.of("id", RUN)))
                .containsExactly(
                        row("parent", PARENT_RUN, "placeholder", true, "state", "RUNNING", "job", "myjob.mytask"));
        assertThat(single("MATCH (:Job)-[c:CHILD_OF]->(:Job) RETURN count(c)")).isEqualTo(0L);
        assertThat(single("MATCH (j:Job) RETURN j.description")).isEqualTo("string");
        assertThat(query("""
                        MATCH (d:Dataset)-[:HAS_FIELD]->(f:Field)
                        RETURN d.namespace + ' ' + d.name AS dataset, f.name AS field, f.type AS type,
                               f.description AS description"""))
                .containsExactly(row(
                        "dataset",
                        "my-datasource-namespace " + TABLE,
                        "field",
                        "column1",
                        "type",
                        "VARCHAR",
                        "description",
                        "string"));
        // The same table is both read and written.
        assertThat(query("""
                        MATCH (r:Run)-[e]->(d:Dataset)
                        RETURN type(e) AS type, e.rowCount AS rows, e.bytes AS bytes ORDER BY type"""))
                .containsExactly(
                        row("type", "READ", "rows", null, "bytes", null),
                        row("type", "WROTE", "rows", 2000L, "bytes", 2097152L));
        assertThat(query("MATCH (d:Dataset)-[:READ_BY]->(j:Job)-[:WRITES]->(d) RETURN d.name AS d"))
                .containsExactly(row("d", TABLE));
        assertThat(query("""
                        MATCH (:Run {runId: $id})-[:CHECKED]->(q:QualityCheck)-[:OF_DATASET]->(d:Dataset)
                        RETURN d.name AS dataset, q.passed AS passed, q.failed AS failed, q.rowCount AS rows,
                               q.columnMetrics AS metrics""", Map.of("id", RUN)))
                .containsExactly(row("dataset", TABLE, "passed", 2L, "failed", 0L, "rows", null, "metrics", null));
        assertThat(JSON.readValue((String) single("MATCH (q:QualityCheck) RETURN q.assertions"), List.class))
                .isEqualTo(List.of(
                        row("assertion", "row_count_equal_to", "column", null, "success", true),
                        row("assertion", "no_null_values", "column", "id", "success", true)));
    }

    @Test
    void datasetEventDescribesADatasetWithoutJobOrRun() {
        post(Fixtures.text("spec-examples/python_client__serde_example_dataset_event.json"))
                .expectStatus()
                .isCreated();

        assertThat(query("""
                        MATCH (n) WHERE NOT n:Migration AND NOT n:ProjectionPosition
                        RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label"""))
                .containsExactly(
                        row("label", "Dataset", "n", 1L),
                        row("label", "Event", "n", 1L),
                        row("label", "Field", "n", 2L),
                        row("label", "Namespace", "n", 1L),
                        row("label", "SchemaVersion", "n", 1L));
        assertThat(query("""
                        MATCH (d:Dataset {namespace: 'openlineage', name: 'name'})-[:HAS_FIELD]->(f:Field)
                        RETURN f.name AS field, f.type AS type, d.firstSeen AS seen ORDER BY field"""))
                .containsExactly(
                        row("field", "a", "type", "string", "seen", time("2021-11-03T10:53:52.427343Z")),
                        row("field", "b", "type", "string", "seen", time("2021-11-03T10:53:52.427343Z")));
        assertThat(query("MATCH (e:Event) RETURN e.kind AS kind, e.runId AS run, e.jobName AS job"))
                .containsExactly(row("kind", "DATASET", "run", null, "job", null));
    }

    @Test
    void jobEventLinksDatasetsToTheJobWithoutARun() {
        post(Fixtures.text("spec-examples/python_client__serde_example_job_event.json"))
                .expectStatus()
                .isCreated();

        assertThat(query("""
                        MATCH (i:Dataset)-[:READ_BY]->(j:Job {namespace: 'openlineage', name: 'name'})-[:WRITES]->(o)
                        RETURN i.name AS input, o.name AS output""")).containsExactly(row("input", "dataset_a", "output", "dataset_b"));
        assertThat(single("MATCH (r:Run) RETURN count(r)")).isEqualTo(0L);
        assertThat(single("MATCH ()-[e:READ|WROTE]->() RETURN count(e)")).isEqualTo(0L);
        assertThat(query("MATCH (e:Event) RETURN e.kind AS kind, e.runId AS run, e.jobName AS job"))
                .containsExactly(row("kind", "JOB", "run", null, "job", "name"));
    }

    @Test
    void marquezSeedMetadataFormsAMultiJobGraph() {
        List<String> seed = Fixtures.events("spec-examples/marquez__seed_metadata.json");
        assertThat(seed).hasSize(24);
        postAll(seed);

        assertThat(query("""
                        MATCH (n) WHERE NOT n:Migration AND NOT n:ProjectionPosition
                        RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label"""))
                .containsExactly(
                        row("label", "Dataset", "n", 96L),
                        // One version per dataset a run wrote (58 WROTE edges, below).
                        row("label", "DatasetVersion", "n", 58L),
                        row("label", "Event", "n", 24L),
                        row("label", "Field", "n", 794L),
                        row("label", "Job", "n", 15L),
                        row("label", "JobVersion", "n", 12L),
                        row("label", "Namespace", "n", 1L),
                        row("label", "Run", "n", 15L),
                        row("label", "SchemaVersion", "n", 96L));
        assertThat(query("""
                        MATCH ()-[e]->() RETURN type(e) AS type, count(*) AS n ORDER BY type"""))
                .containsExactly(
                        row("type", "CHILD_OF", "n", 6L),
                        row("type", "CREATED", "n", 58L),
                        row("type", "HAS_FIELD", "n", 794L),
                        row("type", "HAS_SCHEMA", "n", 96L),
                        // One version per completed run (12, below): each of those jobs ran once.
                        row("type", "OF_VERSION", "n", 12L),
                        row("type", "READ", "n", 38L),
                        row("type", "READ_BY", "n", 38L),
                        row("type", "RUN_OF", "n", 15L),
                        row("type", "VERSION_OF", "n", 58L),
                        row("type", "WRITES", "n", 58L),
                        row("type", "WROTE", "n", 58L));
        assertThat(query("""
                        MATCH (r:Run) RETURN r.state AS state, r.placeholder AS placeholder, count(*) AS n,
                               sum(r.durationMs) AS ms ORDER BY state"""))
                .containsExactly(
                        row("state", "COMPLETED", "placeholder", null, "n", 12L, "ms", 10L),
                        row("state", "RUNNING", "placeholder", true, "n", 3L, "ms", 0L));
        assertThat(query("""
                        MATCH (c:Job)-[:CHILD_OF]->(p:Job) RETURN c.name AS child, p.name AS parent ORDER BY child"""))
                .containsExactly(
                        row("child", "job1797078218", "parent", "job1949725338"),
                        row("child", "job607936994", "parent", "job1868195490"),
                        row("child", "job966651876", "parent", "job808639998"));
        assertThat(query("""
                        MATCH (r:Run {runId: '781ad978-2d93-4993-8018-b1a56b209e10'})
                        RETURN r.startedAt AS startedAt, r.endedAt AS endedAt, r.durationMs AS ms"""))
                .containsExactly(row(
                        "startedAt",
                        time("2022-11-11T00:28:55.699512Z"),
                        "endedAt",
                        time("2022-11-11T00:28:55.703594Z"),
                        "ms",
                        4L));
        assertThat(query("""
                        MATCH (f:Field) RETURN f.type AS type, count(*) AS n ORDER BY type"""))
                .containsExactly(
                        row("type", "INTEGER", "n", 259L),
                        row("type", "TEXT", "n", 280L),
                        row("type", "VARCHAR", "n", 255L));
    }
}
