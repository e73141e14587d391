package io.tributary.alert;

import io.tributary.graph.Connection;
import io.tributary.graph.Cursors;
import io.tributary.store.GraphStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        var p = new HashMap<String, Object>();
        p.put("id", d.id());
        p.put("incidentId", d.incidentId());
        p.put("ruleId", d.ruleId());
        p.put("event", d.event());
        p.put("url", d.url());
        p.put("format", d.format().name());
        p.put("status", d.status());
        p.put("attempts", d.attempts());
        p.put("lastStatusCode", d.lastStatusCode());
        p.put("lastError", d.lastError());
        p.put("createdAt", d.createdAt());
        p.put("lastAttemptAt", d.lastAttemptAt());
        p.put("deliveredAt", d.deliveredAt());
        p.put("body", d.body());
        p.values().removeIf(Objects::isNull);
        store.write(
                tx -> tx.run(store.statement("alert/save-delivery"), Map.of("id", d.id(), "properties", p))
                        .consume(),
                WRITE_TIMEOUT);
    }

    Connection<Delivery> page(String incidentId, String status, int first, String after) {
        if (first < 1 || first > 500) {
            throw new IllegalArgumentException("first must be between 1 and 500");
        }
        OffsetDateTime beforeTime = Cursors.END_OF_TIME;
        String beforeId = "\uffff";
        if (after != null) {
            List<String> parts = Cursors.decode(after, 2);
            beforeTime = Cursors.time(after, parts.get(0));
            beforeId = parts.get(1);
        }
        var parameters = new HashMap<String, Object>();
        parameters.put("incidentId", incidentId);
        parameters.put("status", status);
        parameters.put("beforeTime", beforeTime);
        parameters.put("beforeId", beforeId);
        parameters.put("limit", first + 1);
        List<Delivery> fetched = store.read(
                "alert/deliveries-page", parameters, result -> result.list(r -> delivery(r.get("delivery"))));
        return Connection.of(fetched, first, d -> Cursors.encode(d.createdAt().toString(), d.id()));
    }

    /** Each incident's deliveries, oldest first, in one read. */
    Map<String, List<Delivery>> ofIncidents(List<String> ids) {
        return store.read("alert/deliveries-of-incidents", Map.of("ids", ids), result -> {
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
                Map.of("since", since, "limit", 1000),
                result -> result.list(r -> delivery(r.get("delivery"))));
    }

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
