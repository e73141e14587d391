package io.tributary.alert;

import io.tributary.graph.Connection;
import io.tributary.graph.Cursors;
import io.tributary.graph.NotFoundException;
import io.tributary.store.GraphStore;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents in the graph ({@code cypher/alert/}): at most one open per rule and slot, decided under the slot's write
 * lock, so that a redelivered event, an event seen by two instances or a scan racing an event never opens a second
 * one or sends a second alert. A trigger already alerted about (the same failed run) never reopens an incident that
 * was resolved meanwhile.
 */
@Repository
class Incidents {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    /** What applying a signal changed. */
    record Change(boolean opened, Incident incident) {}

    private final GraphStore store;
    private final JsonMapper json;
    private final Clock clock;

    Incidents(GraphStore store, JsonMapper json, ObjectProvider<Clock> clocks) {
        this.store = store;
        this.json = json;
        this.clock = clocks.getIfUnique(Clock::systemUTC);
    }

    /** Opens an incident for the signal unless one is open (then counts the occurrence); null when nothing opened. */
    Change open(Signal signal, boolean notify, Supplier<ImpactSummary> impact) {
        var memo = new Supplier<ImpactSummary>() {
            private ImpactSummary value;

            @Override
            public ImpactSummary get() {
                if (value == null) {
                    value = impact.get();
                }
                return value;
            }
        };
        return store.write(
                tx -> {
                    OffsetDateTime now = now();
                    var slot =
                            Map.<String, Object>of("ruleId", signal.rule().id(), "subject", signal.slot(), "now", now);
                    var locked =
                            tx.run(store.statement("alert/lock-subject"), slot).single();
                    Value open = locked.get("open");
                    if (!open.isNull()) {
                        var repeat = new HashMap<String, Object>(slot);
                        repeat.put("id", open.get("id").asString());
                        repeat.put("trigger", signal.trigger());
                        repeat.put("runId", signal.runId());
                        tx.run(store.statement("alert/repeat-incident"), repeat).consume();
                        return null;
                    }
                    if (Objects.equals(locked.get("lastTrigger").asString(null), signal.trigger())) {
                        return null;
                    }
                    var properties = new HashMap<String, Object>();
                    String id = UUID.randomUUID().toString();
                    properties.put("id", id);
                    properties.put("ruleId", signal.rule().id());
                    properties.put("ruleName", signal.rule().name());
                    properties.put("kind", signal.rule().kind().name());
                    properties.put("status", "OPEN");
                    properties.put("subject", signal.slot());
                    properties.put("subjectKind", signal.subject().kind().name());
                    properties.put("subjectNamespace", signal.subject().namespace());
                    properties.put("subjectName", signal.subject().name());
                    properties.put("subjectId", signal.subject().id());
                    properties.put("summary", signal.summary());
                    properties.put("triggeredAt", signal.at());
                    properties.put("openedAt", now);
                    properties.put("lastSeenAt", now);
                    properties.put("occurrences", 1);
                    properties.put("runId", signal.runId());
                    properties.put("lastRunId", signal.runId());
                    properties.put("notified", notify);
                    properties.put("details", json.writeValueAsString(signal.details()));
                    properties.put("impact", json.writeValueAsString(memo.get()));
                    properties.values().removeIf(Objects::isNull);
                    var parameters = new HashMap<String, Object>(slot);
                    parameters.put("id", id);
                    parameters.put("trigger", signal.trigger());
                    parameters.put("properties", properties);
                    var created = tx.run(store.statement("alert/open-incident"), parameters)
                            .single()
                            .get("incident");
                    return new Change(true, incident(created));
                },
                WRITE_TIMEOUT);
    }

    /** Which of the signals' slots hold an open incident, each with the trigger it last saw (possibly null). */
    Map<String, Optional<String>> openSlots(AlertRule rule, List<Signal> signals) {
        if (signals.isEmpty()) {
            return Map.of();
        }
        return store.read(
                "alert/open-slots",
                Map.of(
                        "ruleId",
                        rule.id(),
                        "subjects",
                        signals.stream().map(Signal::slot).distinct().toList()),
                result -> {
                    var open = new HashMap<String, Optional<String>>();
                    result.forEachRemaining(r -> open.put(
                            r.get("subject").asString(),
                            Optional.ofNullable(r.get("lastTrigger").asString(null))));
                    return open;
                });
    }

    /**
     * Resolves the open incidents the CLEAR signals of one rule concern (triggered before the signal's time); {@code
     * open} are the slots {@link #openSlots} found open.
     */
    List<Change> clear(AlertRule rule, List<Signal> clears, Set<String> open) {
        var changes = new ArrayList<Change>();
        var pending = new HashSet<>(open);
        for (Signal signal : clears) {
            if (!pending.contains(signal.slot())) {
                continue;
            }
            Incident resolved = store.write(
                    tx -> {
                        var locked = tx.run(
                                        store.statement("alert/lock-subject"),
                                        Map.of("ruleId", rule.id(), "subject", signal.slot(), "now", now()))
                                .single()
                                .get("open");
                        if (locked.isNull()) {
                            return null;
                        }
                        Incident incident = incident(locked);
                        if (signal.at() != null
                                && incident.triggeredAt() != null
                                && !signal.at().isAfter(incident.triggeredAt())) {
                            return null;
                        }
                        return resolve(tx, incident.id(), "auto", signal.summary());
                    },
                    WRITE_TIMEOUT);
            if (resolved != null) {
                changes.add(new Change(false, resolved));
                pending.remove(signal.slot());
            }
        }
        return changes;
    }

    /** A person resolves an incident; NOT_FOUND for an unknown one, and an already resolved one is answered as is. */
    Change resolveManually(String id, String by, String note) {
        return store.write(
                tx -> {
                    var found = tx.run(store.statement("alert/incident"), Map.of("id", id))
                            .list();
                    if (found.isEmpty()) {
                        throw new NotFoundException("No alert incident " + id);
                    }
                    Incident incident = incident(found.getFirst().get("incident"));
                    if (!incident.open()) {
                        return new Change(false, incident);
                    }
                    return new Change(
                            true,
                            resolve(
                                    tx,
                                    id,
                                    by == null || by.isBlank() ? "manual" : "manual: " + by,
                                    note == null || note.isBlank() ? "Resolved by hand" : note));
                },
                WRITE_TIMEOUT);
    }

    private Incident resolve(org.neo4j.driver.TransactionContext tx, String id, String by, String resolution) {
        var parameters = new HashMap<String, Object>();
        parameters.put("id", id);
        parameters.put("now", now());
        parameters.put("by", by);
        parameters.put("resolution", resolution);
        var rows = tx.run(store.statement("alert/resolve-incident"), parameters).list();
        return rows.isEmpty() ? null : incident(rows.getFirst().get("incident"));
    }

    Incident acknowledge(String id, String by, String note) {
        var parameters = new HashMap<String, Object>();
        parameters.put("id", id);
        parameters.put("now", now());
        parameters.put("by", by == null || by.isBlank() ? null : by.strip());
        parameters.put("note", note == null || note.isBlank() ? null : note.strip());
        var rows = store.write(
                tx -> tx.run(store.statement("alert/acknowledge-incident"), parameters)
                        .list(),
                WRITE_TIMEOUT);
        if (rows.isEmpty()) {
            throw new NotFoundException("No alert incident " + id);
        }
        return incident(rows.getFirst().get("incident"));
    }

    Incident find(String id) {
        return store.read(
                "alert/incident",
                Map.of("id", id),
                result -> result.hasNext() ? incident(result.next().get("incident")) : null);
    }

    Connection<Incident> page(String status, String ruleId, int first, String after) {
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
        parameters.put("status", status);
        parameters.put("ruleId", ruleId);
        parameters.put("beforeTime", beforeTime);
        parameters.put("beforeId", beforeId);
        parameters.put("limit", first + 1);
        List<Incident> fetched =
                store.read("alert/incidents-page", parameters, result -> result.list(r -> incident(r.get("incident"))));
        return Connection.of(fetched, first, i -> Cursors.encode(i.openedAt().toString(), i.id()));
    }

    private Incident incident(Value v) {
        Map<String, Object> p = v.asMap();
        return new Incident(
                (String) p.get("id"),
                (String) p.get("ruleId"),
                (String) p.get("ruleName"),
                RuleKind.valueOf((String) p.get("kind")),
                (String) p.get("status"),
                (String) p.get("subjectKind"),
                (String) p.get("subjectNamespace"),
                (String) p.get("subjectName"),
                (String) p.get("subjectId"),
                (String) p.get("summary"),
                time(p.get("triggeredAt")),
                time(p.get("openedAt")),
                time(p.get("lastSeenAt")),
                time(p.get("resolvedAt")),
                (String) p.get("resolvedBy"),
                (String) p.get("resolution"),
                ((Number) p.getOrDefault("occurrences", 1L)).intValue(),
                (String) p.get("runId"),
                (String) p.get("lastRunId"),
                time(p.get("acknowledgedAt")),
                (String) p.get("acknowledgedBy"),
                (String) p.get("note"),
                Boolean.TRUE.equals(p.get("notified")),
                p.get("details") == null
                        ? Map.of()
                        : json.readValue((String) p.get("details"), new TypeReference<Map<String, Object>>() {}),
                p.get("impact") == null
                        ? ImpactSummary.NONE
                        : json.readValue((String) p.get("impact"), ImpactSummary.class));
    }

    private static OffsetDateTime time(Object value) {
        return value instanceof ZonedDateTime z ? z.toOffsetDateTime() : null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
