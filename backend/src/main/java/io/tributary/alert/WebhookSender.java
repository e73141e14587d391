package io.tributary.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Sends deliveries to webhooks with WebClient, each on a virtual thread of its own (a slow or dead receiver holds
 * nothing else up; at most {@link #CONCURRENT} send at once): an attempt has a time limit; 5xx, 408, 429 and network
 * failures are tried again after a backoff that doubles (with jitter) up to a maximum, other 4xx are given up at
 * once. Every attempt is written to the delivery log, which is how a stop in the middle resumes at the next start.
 */
@Component
class WebhookSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int CONCURRENT = 8;

    static final String DELIVERY = "X-Tributary-Delivery";
    static final String EVENT = "X-Tributary-Event";

    private final WebClient client;
    private final Deliveries deliveries;
    private final AlertProperties.Delivery settings;
    private final Clock clock;
    private final Semaphore permits = new Semaphore(CONCURRENT);
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("alert-delivery-", 0).factory());
    private final Counter delivered;
    private final Counter failed;
    private final Counter attemptsFailed;

    WebhookSender(
            Deliveries deliveries, AlertProperties properties, MeterRegistry meters, ObjectProvider<Clock> clocks) {
        this.deliveries = deliveries;
        this.settings = properties.delivery();
        this.clock = clocks.getIfUnique(Clock::systemUTC);
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(settings.timeout().toMillis(), 30_000))
                .responseTimeout(settings.timeout());
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        this.delivered = Counter.builder("tributary.alert.deliveries")
                .description("Alert webhook deliveries by outcome")
                .tag("outcome", "delivered")
                .register(meters);
        this.failed = Counter.builder("tributary.alert.deliveries")
                .description("Alert webhook deliveries by outcome")
                .tag("outcome", "failed")
                .register(meters);
        this.attemptsFailed = Counter.builder("tributary.alert.delivery.attempts.failed")
                .description("Alert webhook attempts that failed (each retry counts)")
                .register(meters);
    }

    /** Sends in the background; the delivery must already be in the log. */
    void send(Delivery delivery, AlertRule.Webhook webhook) {
        threads.execute(() -> {
            try {
                permits.acquire();
                try {
                    attempts(delivery, webhook);
                } finally {
                    permits.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: the log still says PENDING, resumed at next start
            } catch (RuntimeException e) {
                log.warn("Alert delivery {} stopped: {}", delivery.id(), e.toString());
            }
        });
    }

    private void attempts(Delivery delivery, AlertRule.Webhook webhook) throws InterruptedException {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        Delivery current = delivery;
        for (int attempt = delivery.attempts() + 1; attempt <= settings.maxAttempts(); attempt++) {
            Outcome outcome = attempt(current, webhook, body);
            boolean last = attempt == settings.maxAttempts();
            String status = outcome.ok() ? "DELIVERED" : outcome.retryable() && !last ? "PENDING" : "FAILED";
            OffsetDateTime now = OffsetDateTime.now(clock);
            current = new Delivery(
                    current.id(),
                    current.incidentId(),
                    current.ruleId(),
                    current.event(),
                    current.url(),
                    current.format(),
                    status,
                    attempt,
                    outcome.statusCode(),
                    outcome.error(),
                    current.createdAt(),
                    now,
                    outcome.ok() ? now : null,
                    current.body());
            deliveries.save(current);
            if (outcome.ok()) {
                delivered.increment();
                return;
            }
            attemptsFailed.increment();
            if (status.equals("FAILED")) {
                failed.increment();
                log.warn(
                        "Alert delivery {} to {} failed after {} attempt(s): {}",
                        current.id(),
                        current.url(),
                        attempt,
                        outcome.error());
                return;
            }
            Thread.sleep(backoff(attempt).toMillis());
        }
    }

    /** The wait after attempt {@code n}: first backoff doubled each time, capped, with up to half taken off. */
    Duration backoff(int attempt) {
        long base = settings.firstBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private record Outcome(boolean ok, boolean retryable, Integer statusCode, String error) {}

    private Outcome attempt(Delivery delivery, AlertRule.Webhook webhook, byte[] body) {
        long timestamp = System.currentTimeMillis() / 1000;
        try {
            Integer status = client.post()
                    .uri(webhook.url())
                    .contentType(MediaType.parseMediaType(webhook.contentType()))
                    .headers(h -> {
                        h.set("User-Agent", "Tributary-Alerts/1");
                        h.set(DELIVERY, delivery.id());
                        h.set(EVENT, delivery.event());
                        h.set(Signatures.TIMESTAMP, Long.toString(timestamp));
                        if (webhook.signed()) {
                            h.set(Signatures.SIGNATURE, Signatures.sign(webhook.secret(), timestamp, body));
                        }
                    })
                    .bodyValue(body)
                    .exchangeToMono(response -> response.releaseBody()
                            .thenReturn(response.statusCode().value()))
                    .timeout(settings.timeout())
                    .block();
            int code = status == null ? 0 : status;
            if (code >= 200 && code < 300) {
                return new Outcome(true, false, code, null);
            }
            boolean retryable = code >= 500 || code == 408 || code == 429;
            return new Outcome(false, retryable, code, "HTTP " + code);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null
                            && e.getMessage() != null
                            && e.getMessage().startsWith("java.")
                    ? e.getCause()
                    : e;
            return new Outcome(
                    false,
                    true,
                    null,
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
