package io.tributary.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns incident changes into webhook deliveries: one when an incident opens (unless its rule is muted) and one when
 * it resolves (only if its opening was sent). Bodies are made once, logged, then sent.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final AlertRules rules;
    private final AlertMessages messages;
    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final AlertProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    Notifier(
            AlertRules rules,
            AlertMessages messages,
            Deliveries deliveries,
            WebhookSender sender,
            AlertProperties properties,
            JsonMapper json,
            ObjectProvider<Clock> clocks) {
        this.rules = rules;
        this.messages = messages;
        this.deliveries = deliveries;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
        this.clock = clocks.getIfUnique(Clock::systemUTC);
    }

    void changed(AlertRule rule, Incidents.Change change) {
        Incident incident = change.incident();
        if (incident.open()) {
            if (incident.notified()) {
                deliver(rule, AlertMessages.OPENED, incident);
            }
        } else if (incident.notified() && !rules.muted(rule.id())) {
            deliver(rule, AlertMessages.RESOLVED, incident);
        }
    }

    /** A test notification of a rule, about a made-up incident: to check the receiver, format and signature. */
    Delivery test(AlertRule rule) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var incident = new Incident(
                "test-" + UUID.randomUUID(),
                rule.id(),
                rule.name(),
                rule.kind(),
                "OPEN",
                "JOB",
                "tributary",
                "test",
                "JOB:tributary:test",
                "Test notification of rule " + rule.name(),
                now,
                now,
                now,
                null,
                null,
                null,
                1,
                null,
                null,
                null,
                null,
                null,
                true,
                Map.of(),
                ImpactSummary.NONE);
        return deliver(rule, AlertMessages.TEST, incident);
    }

    private Delivery deliver(AlertRule rule, String event, Incident incident) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> body = messages.body(event, id, now, rule, incident);
        String text = switch (rule.webhook().format()) {
            case JSON -> json.writeValueAsString(body);
            case SLACK -> json.writeValueAsString(SlackMessage.of(body));
            case TEMPLATE -> Templates.render(rule.webhook().template(), body);
        };
        var delivery = new Delivery(
                id,
                incident.id(),
                rule.id(),
                event,
                rule.webhook().redactedUrl(),
                rule.webhook().format(),
                "PENDING",
                0,
                null,
                null,
                now,
                null,
                null,
                text);
        deliveries.save(delivery);
        sender.send(delivery, rule.webhook());
        return delivery;
    }

    /** Deliveries a stop interrupted are sent again (the receiver deduplicates by the delivery id). */
    @EventListener(ApplicationReadyEvent.class)
    void resumePending() {
        if (!rules.any()) {
            return;
        }
        List<Delivery> pending = deliveries.pending(
                OffsetDateTime.now(clock).minus(properties.delivery().resumeWithin()));
        for (Delivery d : pending) {
            AlertRule rule = rules.find(d.ruleId());
            if (rule == null) {
                deliveries.save(new Delivery(
                        d.id(),
                        d.incidentId(),
                        d.ruleId(),
                        d.event(),
                        d.url(),
                        d.format(),
                        "FAILED",
                        d.attempts(),
                        d.lastStatusCode(),
                        "Its rule was deleted",
                        d.createdAt(),
                        d.lastAttemptAt(),
                        null,
                        d.body()));
                continue;
            }
            sender.send(d, rule.webhook());
        }
        if (!pending.isEmpty()) {
            log.info("Resumed {} alert deliveries a stop had interrupted", pending.size());
        }
    }
}
