package io.tributary.integrations;

import io.tributary.testing.EndToEndTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorded output of the Flink 2 listener for a Flink SQL INSERT INTO between Kafka-backed tables: the topics carry
 * the SQL types and name their catalog tables through symlinks.
 */
class FlinkSqlReplayTest extends EndToEndTest {

    private static final String KAFKA = "kafka://kafka-cluster-prod:9092";

    @BeforeEach
    void ingestTheRecording() {
        postAll(Replay.events(
                        List.of("flink/ol-flink2-expected/expected_sql_kafka.json"), List.of("2026-02-03T09:00:00Z"))
                .events());
    }

    @Test
    void theOutputTopicShowsItsSqlTypesAndCatalogTable() {
        graphQl.document("""
                        query($ns: String!) {
                          output: dataset(namespace: $ns, name: "io.openlineage.flink.kafka.output") {
                            fields { name type } symlinks { dataset { namespace name } type direction } producers { name processingType } }
                          table: dataset(namespace: $ns, name: "default_catalog.default_database.kafka_input") {
                            symlinks { dataset { name } type direction } } }""").variable("ns", KAFKA).execute().path("").matchesJsonStrictly("""
                        { "output": {
                            "fields": [ { "name": "ts_interval", "type": "STRING" }, { "name": "max_log_date", "type": "STRING" },
                                        { "name": "max_log_time", "type": "STRING" }, { "name": "max_ts", "type": "STRING" },
                                        { "name": "counter", "type": "BIGINT" }, { "name": "max_price", "type": "DECIMAL(38, 18)" } ],
                            "symlinks": [ { "dataset": { "namespace": "kafka://kafka-cluster-prod:9092",
                                                         "name": "default_catalog.default_database.kafka_output" },
                                            "type": "TABLE", "direction": "OUTGOING" } ],
                            "producers": [ { "name": "insert-into_default_catalog.default_database.kafka_output",
                                             "processingType": "STREAMING" } ] },
                          "table": {
                            "symlinks": [ { "dataset": { "name": "io.openlineage.flink.kafka.input1" },
                                            "type": "TABLE", "direction": "INCOMING" } ] } }""");
    }
}
