package io.tributary.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Where records that are not valid events go: always logged, optionally copied to a dead-letter topic. */
final class DeadLetters {

    static final String REASON_HEADER = "tributary-invalid-reason";
    static final String ORIGIN_HEADER = "tributary-origin";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> template;
    private final String topic;

    private DeadLetters(KafkaTemplate<String, byte[]> template, String topic) {
        this.template = template;
        this.topic = topic;
    }

    static DeadLetters logOnly() {
        return new DeadLetters(null, null);
    }

    static DeadLetters to(KafkaTemplate<String, byte[]> template, String topic) {
        return new DeadLetters(template, topic);
    }

    /**
     * Logs where the record was and why it was refused (never its content, which may hold anything a producer put in
     * a facet) and, with a dead-letter topic, waits until the copy is stored there, so that acknowledging the original
     * afterwards loses nothing.
     */
    void send(ConsumerRecord<String, byte[]> record, String reason) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        log.warn(
                "Skipping Kafka record {} ({} bytes): not a valid OpenLineage event: {}{}",
                origin,
                record.value() == null ? 0 : record.value().length,
                reason,
                topic == null ? "" : "; copied to " + topic);
        if (template == null) {
            return;
        }
        var headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        try {
            template.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering " + origin, e);
        } catch (ExecutionException e) {
            // Not acknowledged: the batch is retried, the record is not lost.
            throw new IllegalStateException("Could not dead-letter " + origin + " to " + topic, e.getCause());
        }
    }
}
