package io.tributary.integrations;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorded output of the OpenLineage Flink listener (flink1: a stateful streaming job between Kafka topics, its
 * checkpoint RUNNING event, and a failed job), as the job, dataset and run views show it.
 */
class FlinkReplayTest extends EndToEndTest {

    private static final String DIR = "flink/ol-flink1-expected/";
    private Fixtures.Filled replay;

    @BeforeEach
    void ingestTheFlinkRecordings() {
        replay = Replay.events(
                List.of(
                        DIR + "expected_kafka.json",
                        DIR + "expected_kafka_checkpoints.json",
                        DIR + "expected_failed.json"),
                List.of("2026-02-01T10:00:00Z", "2026-02-01T10:05:00Z", "2026-02-01T11:00:00Z"));
        postAll(replay.events());
    }

    @Test
    void theStreamingJobIsRunningBetweenItsKafkaTopics() {
        graphQl.document("""
                        { job(namespace: "flink_job_namespace", name: "flink_examples_stateful") {
                            jobType integration processingType
                            latestRun { id state startedAt endedAt }
                            inputs { namespace name } outputs { namespace name } } }""").execute().path("job").matchesJsonStrictly("""
                        { "jobType": "JOB", "integration": "FLINK", "processingType": "STREAMING",
                          "latestRun": { "id": "%s", "state": "RUNNING",
                                         "startedAt": "2026-02-01T10:00:00.000Z", "endedAt": null },
                          "inputs": [
                            { "namespace": "kafka://kafka-cluster-prod:9092", "name": "io.openlineage.flink.kafka.input1" },
                            { "namespace": "kafka://kafka-cluster-prod:9092", "name": "io.openlineage.flink.kafka.input2" } ],
                          "outputs": [
                            { "namespace": "kafka://kafka-cluster-prod:9092", "name": "io.openlineage.flink.kafka.output" } ] }""".formatted(
                        replay.runId("flink_job_namespace", "flink_examples_stateful")));
    }

    @Test
    void theOutputTopicHasItsSchemaAndItsUpstreamTopics() {
        graphQl.document("""
                        { dataset(namespace: "kafka://kafka-cluster-prod:9092", name: "io.openlineage.flink.kafka.output") {
                            fields { name type } producers { name } }
                          lineage(node: { kind: DATASET, namespace: "kafka://kafka-cluster-prod:9092",
                                          name: "io.openlineage.flink.kafka.output" }, direction: UPSTREAM) {
                            nodes { kind namespace name distance latestRunState } truncated } }""").execute().path("").matchesJsonStrictly("""
                        { "dataset": {
                            "fields": [ { "name": "id", "type": "string" }, { "name": "version", "type": "long" },
                                        { "name": "counter", "type": "long" } ],
                            "producers": [ { "name": "flink_examples_stateful" } ] },
                          "lineage": {
                            "nodes": [
                              { "kind": "DATASET", "namespace": "kafka://kafka-cluster-prod:9092",
                                "name": "io.openlineage.flink.kafka.output", "distance": 0, "latestRunState": null },
                              { "kind": "JOB", "namespace": "flink_job_namespace", "name": "flink_examples_stateful",
                                "distance": 1, "latestRunState": "RUNNING" },
                              { "kind": "DATASET", "namespace": "kafka://kafka-cluster-prod:9092",
                                "name": "io.openlineage.flink.kafka.input1", "distance": 2, "latestRunState": null },
                              { "kind": "DATASET", "namespace": "kafka://kafka-cluster-prod:9092",
                                "name": "io.openlineage.flink.kafka.input2", "distance": 2, "latestRunState": null } ],
                            "truncated": false } }""");
    }

    @Test
    void theFailedJobShowsFlinksErrorMessage() {
        graphQl.document("""
                        query($id: ID!) { run(id: $id) {
                          state startedAt endedAt errorMessage error { message programmingLanguage stackTrace }
                          job { name processingType } } }""")
                .variable("id", replay.runId("flink_job_namespace", "flink_failed_job"))
                .execute()
                .path("run")
                .matchesJsonStrictly("""
                        { "state": "FAILED", "startedAt": null, "endedAt": "2026-02-01T11:00:00.000Z",
                          "errorMessage": "Application Status: FAILED",
                          "error": { "message": "Application Status: FAILED", "programmingLanguage": "JAVA",
                                     "stackTrace": null },
                          "job": { "name": "flink_failed_job", "processingType": null } }""");
    }

    @Test
    void theKafkaClusterIsANamespaceOfItsOwn() {
        graphQl.document("{ namespaces { name } }").execute().path("namespaces").matchesJsonStrictly("""
                [ { "name": "flink_job_namespace" }, { "name": "kafka://kafka-cluster-prod:9092" } ]""");
    }
}
