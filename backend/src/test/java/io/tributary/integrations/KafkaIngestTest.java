package io.tributary.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.KafkaConfig;
import io.openlineage.client.transports.KafkaTransport;
import io.tributary.testing.EndToEndTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * Kafka ingestion against a real in-process Kafka broker, fed by the OpenLineage Java client's Kafka transport as a
 * producer would be configured. Each test waits until the consumer group's committed offset reaches the end of the
 * topic: since offsets are committed only after the database commit, the graph must then hold every event.
 */
@EmbeddedKafka(
        partitions = 1,
        topics = {KafkaIngestTest.TOPIC, KafkaIngestTest.DEAD_LETTERS})
@TestPropertySource(
        properties = {
            "tributary.kafka.enabled=true",
            "tributary.kafka.topic=" + KafkaIngestTest.TOPIC,
            "tributary.kafka.group-id=" + KafkaIngestTest.GROUP,
            "tributary.kafka.dead-letter-topic=" + KafkaIngestTest.DEAD_LETTERS,
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"
        })
class KafkaIngestTest extends EndToEndTest {

    static final String TOPIC = "lineage.events";
    static final String DEAD_LETTERS = "lineage.events.invalid";
    static final String GROUP = "tributary-test";

    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ConcurrentMessageListenerContainer<String, byte[]> container;

    @Autowired
    MeterRegistry meters;

    @Test
    void eventsFromTheJavaClientsKafkaTransportAreInTheGraphOnceTheirOffsetsAreCommitted() throws Exception {
        UUID runId = UUID.randomUUID();
        emitWithTheKafkaTransport(runId);

        awaitEverythingCommitted();

        ClientGraph.assertOneCompletedRun(graphQl, runId.toString());
        // Kafka's consumer metrics are Micrometer meters; lag is what operators alert on.
        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges())
                .isNotEmpty();
    }

    @Test
    void redeliveredRecordsLeaveTheGraphIdentical() throws Exception {
        long first = endOffset();
        UUID runId = UUID.randomUUID();
        emitWithTheKafkaTransport(runId);
        awaitEverythingCommitted();
        List<String> once = canonicalGraph();

        // As after a crash between the database commit and the offset commit: the group reads the records again.
        container.stop();
        // The broker accepts new offsets only from an empty group; the stopped consumer's leave request can reach it
        // later than stop() returns on a busy machine, so retry (bounded) until it does.
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    try (Admin admin = admin()) {
                        admin.alterConsumerGroupOffsets(GROUP, Map.of(PARTITION, new OffsetAndMetadata(first)))
                                .all()
                                .get();
                    }
                    return true;
                });
        assertThat(committedOffset()).isEqualTo(first);
        container.start();
        awaitEverythingCommitted();

        assertThat(canonicalGraph()).isEqualTo(once);
        ClientGraph.assertOneCompletedRun(graphQl, runId.toString());
    }

    @Test
    void invalidRecordsAreDeadLetteredWithTheirReasonAndDoNotStopLaterOnes() throws Exception {
        long deadLettersBefore = endOffset(new TopicPartition(DEAD_LETTERS, 0));
        byte[] notJson = "this is not JSON".getBytes(StandardCharsets.UTF_8);
        byte[] noRunId = """
                {"eventType":"START","eventTime":"2026-03-01T02:00:00Z","job":{"namespace":"shop-etl","name":"broken"},
                 "run":{},"producer":"https://tributary.dev/tests"}""".getBytes(StandardCharsets.UTF_8);
        try (var producer = rawProducer()) {
            producer.send(new ProducerRecord<>(TOPIC, "bad-1", notJson)).get();
            producer.send(new ProducerRecord<>(TOPIC, "bad-2", noRunId)).get();
        }
        UUID runId = UUID.randomUUID();
        emitWithTheKafkaTransport(runId);

        awaitEverythingCommitted();

        ClientGraph.assertOneCompletedRun(graphQl, runId.toString());
        var deadLetters = readDeadLetters(deadLettersBefore, 2);
        assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactly("bad-1", "bad-2");
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(notJson, noRunId);
        assertThat(deadLetters)
                .extracting(r -> header(r, "tributary-invalid-reason"))
                .containsExactly("malformed JSON", "run.runId: is required");
        assertThat(deadLetters)
                .extracting(r -> header(r, "tributary-origin"))
                .allSatisfy(origin -> assertThat(origin).startsWith(TOPIC + "-0@"));
    }

    private void emitWithTheKafkaTransport(UUID runId) throws Exception {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        var config = new KafkaConfig(TOPIC, null, properties);
        // Closing the client flushes the producer: both events are on the broker afterwards.
        try (var client = OpenLineageClient.builder()
                .transport(new KafkaTransport(config))
                .build()) {
            client.emit(ClientEvents.start(runId));
            client.emit(ClientEvents.complete(runId));
        }
    }

    private void awaitEverythingCommitted() throws Exception {
        long end = endOffset();
        await().atMost(PATIENCE).until(() -> committedOffset() == end);
    }

    private long endOffset() throws Exception {
        return endOffset(PARTITION);
    }

    private long endOffset(TopicPartition partition) throws Exception {
        try (Admin admin = admin()) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get()
                    .offset();
        }
    }

    private long committedOffset() throws Exception {
        try (Admin admin = admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(PARTITION);
            return committed == null ? -1 : committed.offset();
        }
    }

    private List<ConsumerRecord<String, byte[]>> readDeadLetters(long from, int count) {
        var properties = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        var partition = new TopicPartition(DEAD_LETTERS, 0);
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }

    private KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        org.apache.kafka.common.serialization.ByteArraySerializer.class.getName()));
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
