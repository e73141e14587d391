package io.tributary.ingest.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka ingestion ({@code TRIBUTARY_KAFKA_*}); brokers, security and other client settings are Spring Boot's
 * {@code spring.kafka.*} ({@code KAFKA_BOOTSTRAP_SERVERS} maps to {@code spring.kafka.bootstrap-servers}).
 *
 * @param enabled whether to consume at all; off unless configured
 * @param topic the topic OpenLineage clients' Kafka transport writes to ({@code topicName})
 * @param groupId the consumer group; replicas of the service sharing it split the partitions
 * @param deadLetterTopic where records that are not valid events go (original bytes and headers, plus the reason);
 *     none: they are only logged and skipped
 * @param concurrency consumers per instance (at most the topic's partitions are busy)
 * @param maxRetryInterval longest wait between retries of a batch the database could not take (it is retried until
 *     it is written: offsets never move past an unwritten event)
 */
@ConfigurationProperties("tributary.kafka")
record KafkaIngestProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("openlineage") String topic,
        @DefaultValue("tributary") String groupId,
        String deadLetterTopic,
        @DefaultValue("1") int concurrency,
        @DefaultValue("30s") Duration maxRetryInterval) {}
