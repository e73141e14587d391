package io.tributary.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.event.EventParser;
import io.tributary.ingest.EventIntake;
import java.util.HashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Consumes OpenLineage events from Kafka when {@code tributary.kafka.enabled}. The consumer is built here rather
 * than from Boot's shared factory so that its deserializers, group and commit mode cannot be changed by accident
 * through {@code spring.kafka.consumer.*}; everything else (brokers, security) still comes from there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("tributary.kafka.enabled")
class KafkaIngestConfiguration {

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> lineageEventsContainer(
            KafkaProperties kafka,
            KafkaIngestProperties settings,
            EventParser parser,
            EventIntake writer,
            MeterRegistry meters) {
        var properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        // Offsets are committed by the listener, after the database commit.
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the beginning: events sent before Tributary first consumed are lineage too.
        properties.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var consumers =
                new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        // Kafka's own client metrics as Micrometer meters, lag included (kafka.consumer.fetch.manager.records.lag*).
        consumers.addListener(new MicrometerConsumerListener<>(meters));

        var container = new ContainerProperties(settings.topic());
        container.setAckMode(AckMode.MANUAL_IMMEDIATE);
        container.setMessageListener(new LineageEventsListener(parser, writer, deadLetters(kafka, settings), meters));
        var listener = new ConcurrentMessageListenerContainer<>(consumers, container);
        listener.setConcurrency(settings.concurrency());
        // A batch the database could not take is retried (same records, consumer paused) until it is written.
        var backOff = new ExponentialBackOff(1000, 2);
        backOff.setMaxInterval(settings.maxRetryInterval().toMillis());
        listener.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return listener;
    }

    private static DeadLetters deadLetters(KafkaProperties kafka, KafkaIngestProperties settings) {
        if (settings.deadLetterTopic() == null || settings.deadLetterTopic().isBlank()) {
            return DeadLetters.logOnly();
        }
        var producers = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        return DeadLetters.to(new KafkaTemplate<>(producers), settings.deadLetterTopic());
    }
}
