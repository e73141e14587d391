package io.tributary.alert;

import io.tributary.graphql.Connection;
import io.tributary.graphql.Cursors;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/** The delivery log in the graph ({@code :AlertDelivery}), written before the first attempt and after each one. */
@Repository
class Deliveries {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final GraphStore store;

    Deliveries(GraphStore store) {
        this.store = store;
    }

    void save(Delivery d) {
        var saved = new Saved(
                d.id(),
                d.incidentId(),
                d.ruleId(),
                d.event(),
                d.url(),
                d.format().name(),
                d.status(),
                d.attempts(),
                d.lastStatusCode(),
                d.lastError(),
                d.createdAt(),
                d.lastAttemptAt(),
                d.deliveredAt(),
                d.body());
        store.write("alert/save-delivery", saved, WRITE_TIMEOUT, Result::consume);
    }

    Connection<Delivery> page(String incidentId, String status, int first, String after) {
        if (first < 1 || first > 500) {
            throw new IllegalArgumentException("first must be between 1 and 500");
        }
        var before = Cursors.Before.after(after);
        var page = new Page(incidentId, status, before.time(), before.id(), first + 1);
        List<Delivery> fetched = store.read(
                "alert/deliveries-page", Parameters.of(page), result -> result.list(r -> delivery(r.get("delivery"))));
        return Connection.of(fetched, first, d -> Cursors.of(d.createdAt(), d.id()));
    }

    /** Each incident's deliveries, oldest first, in one read. */
    Map<String, List<Delivery>> ofIncidents(List<String> ids) {
        return store.read("alert/deliveries-of-incidents", Parameters.of(new IncidentIds(ids)), result -> {
            var byIncident = new HashMap<String, List<Delivery>>();
            result.forEachRemaining(r -> byIncident
                    .computeIfAbsent(r.get("incidentId").asString(), k -> new ArrayList<>())
                    .add(delivery(r.get("delivery"))));
            return byIncident;
        });
    }

    List<Delivery> pending(OffsetDateTime since) {
        return store.read(
                "alert/pending-deliveries",
                Parameters.of(new Pending(since, 1000)),
                result -> result.list(r -> delivery(r.get("delivery"))));
    }

    /** save-delivery: the delivery as the log keeps it (a null part keeps what an earlier save wrote). */
    private record Saved(
            String id,
            String incidentId,
            String ruleId,
            String event,
            String url,
            String format,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime lastAttemptAt,
            OffsetDateTime deliveredAt,
            String body) {}

    /** deliveries-page: filters, the position after the cursor, and one more than the page holds. */
    private record Page(String incidentId, String status, OffsetDateTime beforeTime, String beforeId, int limit) {}

    /** deliveries-of-incidents. */
    private record IncidentIds(List<String> ids) {}

    /** pending-deliveries: those created since, at most {@code limit}. */
    private record Pending(OffsetDateTime since, int limit) {}

    private static Delivery delivery(Value v) {
        Map<String, Object> p = v.asMap();
        return new Delivery(
                (String) p.get("id"),
                (String) p.get("incidentId"),
                (String) p.get("ruleId"),
                (String) p.get("event"),
                (String) p.get("url"),
                WebhookFormat.valueOf((String) p.get("format")),
                (String) p.get("status"),
                ((Number) p.getOrDefault("attempts", 0L)).intValue(),
                p.get("lastStatusCode") == null ? null : ((Number) p.get("lastStatusCode")).intValue(),
                (String) p.get("lastError"),
                time(p.get("createdAt")),
                time(p.get("lastAttemptAt")),
                time(p.get("deliveredAt")),
                (String) p.get("body"));
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof ZonedDateTime z ? z.toOffsetDateTime() : null;
    }
}
