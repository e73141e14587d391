package io.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real Airflow output (providers-openlineage 1.14.0): a BigQuery DAG of three tasks and a bash/python DAG. */
class AirflowIngestTest extends EndToEndTest {

    static final String DAG_RUN = "01936893-9751-7a91-a2a0-a51101a3970c";
    static final String UPLOAD_RUN = "01936893-9751-7b3c-8f76-8ac6d0e5f8a3";
    static final String COPY_RUN = "01936893-9751-7b10-a4a7-cd7454722d0f";
    static final String DOWNLOAD_RUN = "01936893-9751-7150-bbde-96d39c5c4c8d";

    static List<String> bqDag() {
        var events = new ArrayList<String>();
        for (int i = 1; i <= 8; i++) {
            events.add(Fixtures.text("airflow/compat-tests-bq-dag/line_0" + i + ".json"));
        }
        return events;
    }

    static List<String> pythonDag() {
        return Fixtures.texts(
                "airflow/compat-tests-python-dag/line_09.json",
                "airflow/compat-tests-python-dag/line_10.json",
                "airflow/compat-tests-python-dag/line_11.json",
                "airflow/compat-tests-python-dag/line_12.json");
    }

    @Test
    void linksTaskRunsToTheDagRunAndTaskJobsToTheDagJob() {
        postAll(bqDag());

        assertThat(query("""
                        MATCH (r:Run)-[:RUN_OF]->(j:Job)
                        OPTIONAL MATCH (r)-[:CHILD_OF]->(p:Run)
                        RETURN j.name AS job, r.runId AS run, p.runId AS parent ORDER BY job"""))
                .containsExactly(
                        row("job", "BQ", "run", DAG_RUN, "parent", null),
                        row("job", "BQ.copy", "run", COPY_RUN, "parent", DAG_RUN),
                        row("job", "BQ.download", "run", DOWNLOAD_RUN, "parent", DAG_RUN),
                        row("job", "BQ.upload", "run", UPLOAD_RUN, "parent", DAG_RUN));
        assertThat(query("""
                        MATCH (j:Job) OPTIONAL MATCH (j)-[:CHILD_OF]->(p:Job)
                        RETURN j.namespace + '/' + j.name AS job, p.name AS parent ORDER BY job"""))
                .containsExactly(
                        row("job", "airflow/BQ", "parent", null),
                        row("job", "airflow/BQ.copy", "parent", "BQ"),
                        row("job", "airflow/BQ.download", "parent", "BQ"),
                        row("job", "airflow/BQ.upload", "parent", "BQ"));
    }

    @Test
    void settlesStateAndTimesOfEveryRunFromItsEventTimes() {
        postAll(bqDag());

        assertThat(query("""
                        MATCH (r:Run) RETURN r.runId AS run, r.state AS state, r.startedAt AS startedAt,
                               r.endedAt AS endedAt, r.durationMs AS durationMs ORDER BY r.startedAt"""))
                .containsExactly(
                        run(DAG_RUN, "2024-11-26T13:05:23.809955Z", "2024-11-26T13:05:39.809127Z", 16000L),
                        run(UPLOAD_RUN, "2024-11-26T13:05:25.547948Z", "2024-11-26T13:05:29.606867Z", 4059L),
                        run(COPY_RUN, "2024-11-26T13:05:31.724484Z", "2024-11-26T13:05:34.626595Z", 2902L),
                        run(DOWNLOAD_RUN, "2024-11-26T13:05:37.621840Z", "2024-11-26T13:05:39.460005Z", 1839L));
    }

    @Test
    void storesJobTypeIntegrationAndOwnersOnJobsAndQueryIdsOnRuns() {
        postAll(bqDag());

        assertThat(query("""
                        MATCH (j:Job) RETURN j.name AS job, j.jobType AS jobType, j.integration AS integration,
                               j.processingType AS processingType, j.owners AS owners ORDER BY job"""))
                .containsExactly(
                        job("BQ", "DAG"), job("BQ.copy", "TASK"), job("BQ.download", "TASK"), job("BQ.upload", "TASK"));
        assertThat(query("""
                        MATCH (r:Run) RETURN r.runId AS run, r.externalQueryId AS id, r.externalQuerySource AS source,
                               r.engineName AS engine, r.engineVersion AS version ORDER BY run"""))
                .containsExactly(
                        queryIds(
                                DOWNLOAD_RUN,
                                "***_BQ_download_2024_11_26T13_05_23_281750_00_00_ad560f2c57ecc4fcf7c5f01d429ff956",
                                "bigquery"),
                        queryIds(DAG_RUN, null, null),
                        queryIds(COPY_RUN, "***_1732626332070201_3cff1da525a6e01f42e15d1dc755f7c2", "bigquery"),
                        queryIds(
                                UPLOAD_RUN,
                                "***_BQ_upload_2024_11_26T13_05_23_281750_00_00_34eb25f32cc5ebf55db94226de92832c",
                                "bigquery"));
        assertThat(single("MATCH (r:Run {runId: $id}) RETURN r.nominalStartTime", Map.of("id", UPLOAD_RUN)))
                .isEqualTo(time("2024-11-26T13:05:23.281750Z"));
    }

    @Test
    void buildsDatasetLineageBetweenTheTasks() {
        postAll(bqDag());

        assertThat(query("""
                        MATCH (d:Dataset)-[:READ_BY]->(j:Job)
                        RETURN d.namespace + ' ' + d.name + ' -> ' + j.name AS edge ORDER BY edge"""))
                .extracting(r -> r.get("edge"))
                .containsExactly(
                        "bigquery mock-project.test.upload -> BQ.copy",
                        "bigquery mock-project.test.upload_cp -> BQ.download",
                        "gs://mock-bucket copied.csv -> BQ.upload",
                        "gs://mock-bucket test.csv -> BQ.upload");
        assertThat(query("""
                        MATCH (j:Job)-[:WRITES]->(d:Dataset)
                        RETURN j.name + ' -> ' + d.namespace + ' ' + d.name AS edge ORDER BY edge"""))
                .extracting(r -> r.get("edge"))
                .containsExactly(
                        "BQ.copy -> bigquery mock-project.test.upload_cp",
                        "BQ.download -> gs://mock-bucket result.csv",
                        "BQ.upload -> bigquery mock-project.test.upload");
        assertThat(query("""
                        MATCH (r:Run)-[e:READ|WROTE]->(d:Dataset)
                        RETURN r.runId + ' ' + type(e) + ' ' + d.name AS edge ORDER BY edge"""))
                .extracting(r -> r.get("edge"))
                .containsExactly(
                        DOWNLOAD_RUN + " READ mock-project.test.upload_cp",
                        DOWNLOAD_RUN + " WROTE result.csv",
                        COPY_RUN + " READ mock-project.test.upload",
                        COPY_RUN + " WROTE mock-project.test.upload_cp",
                        UPLOAD_RUN + " READ copied.csv",
                        UPLOAD_RUN + " READ test.csv",
                        UPLOAD_RUN + " WROTE mock-project.test.upload");
        assertThat(single("MATCH (d:Dataset) RETURN count(d)")).isEqualTo(5L);
    }

    @Test
    void storesTheTypedFieldsOfEveryDataset() {
        postAll(bqDag());

        var expected = new ArrayList<String>();
        for (String dataset : List.of(
                "bigquery mock-project.test.upload",
                "bigquery mock-project.test.upload_cp",
                "gs://mock-bucket copied.csv",
                "gs://mock-bucket result.csv",
                "gs://mock-bucket test.csv")) {
            for (String field : List.of("a", "b", "c", "d")) {
                expected.add(dataset + "." + field + " INTEGER");
            }
        }
        assertThat(query("""
                        MATCH (d:Dataset)-[:HAS_FIELD]->(f:Field)
                        WHERE f.schemaVersion = d.schemaVersion
                        RETURN d.namespace + ' ' + d.name + '.' + f.name + ' ' + f.type AS field ORDER BY field""")).extracting(r -> r.get("field")).containsExactlyElementsOf(expected);
        assertThat(single("MATCH (f:Field) RETURN count(f)")).isEqualTo(20L);
    }

    @Test
    void mapsLegacyColumnLineageToFeedsEdgesCarryingTheTransformationType() {
        postAll(bqDag());

        var expected = new ArrayList<String>();
        for (String field : List.of("a", "b", "c", "d")) {
            expected.add("copied.csv." + field + " -> mock-project.test.upload." + field);
            expected.add("mock-project.test.upload." + field + " -> mock-project.test.upload_cp." + field);
            expected.add("mock-project.test.upload_cp." + field + " -> result.csv." + field);
            expected.add("test.csv." + field + " -> mock-project.test.upload." + field);
        }
        expected.sort(null);
        List<Map<String, Object>> feeds = query("""
                MATCH (s:Field)-[e:FEEDS]->(t:Field)
                RETURN s.dataset + '.' + s.name + ' -> ' + t.dataset + '.' + t.name AS edge, e.type AS type,
                       e.subtype AS subtype, e.description AS description, e.masking AS masking, e.jobName AS job
                ORDER BY edge""");
        assertThat(feeds).extracting(r -> r.get("edge")).containsExactlyElementsOf(expected);
        assertThat(feeds)
                .extracting(r -> List.of(r.get("type"), r.get("subtype"), r.get("description")))
                .containsOnly(List.of("IDENTITY", "", "identical"));
        assertThat(feeds).extracting(r -> r.get("masking")).containsOnlyNulls();
        assertThat(query("""
                        MATCH (:Field {name: 'a'})-[e:FEEDS]->(t:Field {dataset: 'result.csv', name: 'a'})
                        MATCH (c:ColumnLineageVersion {namespace: t.namespace, dataset: t.dataset, hash: e.lineageHash})
                        RETURN e.jobName AS job, e.firstSeen AS firstSeen, c.lastSeen AS lastSeen"""))
                .containsExactly(row(
                        "job",
                        "BQ.download",
                        "firstSeen",
                        time("2024-11-26T13:05:39.460005Z"),
                        "lastSeen",
                        time("2024-11-26T13:05:39.460005Z")));
    }

    @Test
    void storesSourceCodeOnTasksOfThePythonDag() {
        postAll(pythonDag());

        assertThat(query("""
                        MATCH (j:Job) RETURN j.name AS job, j.sourceCode AS code, j.sourceLanguage AS language,
                               j.jobType AS jobType ORDER BY job"""))
                .containsExactly(
                        row("job", "dag", "code", null, "language", null, "jobType", "DAG"),
                        row("job", "dag.task_0", "code", "exit 0;", "language", "bash", "jobType", "TASK"));
        assertThat(query("""
                        MATCH (r:Run)-[:RUN_OF]->(j:Job) OPTIONAL MATCH (r)-[:CHILD_OF]->(p:Run)
                        RETURN j.name AS job, r.state AS state, r.durationMs AS ms, p.runId AS parent ORDER BY job"""))
                .containsExactly(
                        row("job", "dag", "state", "COMPLETED", "ms", 884L, "parent", null),
                        row(
                                "job",
                                "dag.task_0",
                                "state",
                                "COMPLETED",
                                "ms",
                                224L,
                                "parent",
                                "01936894-494e-7b5c-938a-7b0fcc5f8eb9"));
        assertThat(single("MATCH (d:Dataset) RETURN count(d)")).isEqualTo(0L);
    }

    private static Map<String, Object> run(String runId, String startedAt, String endedAt, long durationMs) {
        return row(
                "run",
                runId,
                "state",
                "COMPLETED",
                "startedAt",
                time(startedAt),
                "endedAt",
                time(endedAt),
                "durationMs",
                durationMs);
    }

    private static Map<String, Object> job(String name, String jobType) {
        return row(
                "job",
                name,
                "jobType",
                jobType,
                "integration",
                "AIRFLOW",
                "processingType",
                "BATCH",
                "owners",
                List.of("***"));
    }

    private static Map<String, Object> queryIds(String runId, String id, String source) {
        return row("run", runId, "id", id, "source", source, "engine", "Airflow", "version", "3.0.0.dev0");
    }
}
