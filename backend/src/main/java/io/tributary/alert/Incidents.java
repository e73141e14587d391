package io.tributary.alert;

import io.tributary.graphql.Connection;
import io.tributary.graphql.Cursors;
import io.tributary.problem.NotFoundException;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import io.tributary.store.Unwrapped;
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
import org.neo4j.driver.Result;
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
        return store.writeTransaction(WRITE_TIMEOUT, writes -> {
            OffsetDateTime now = now();
            var slot = new Slot(signal.rule().id(), signal.slot(), now);
            var locked = writes.run("alert/lock-subject", slot, Result::single);
            Value open = locked.get("open");
            if (!open.isNull()) {
                writes.run(
                        "alert/repeat-incident",
                        new Repeat(slot, open.get("id").asString(), signal.trigger(), signal.runId()));
                return null;
            }
            if (Objects.equals(locked.get("lastTrigger").asString(null), signal.trigger())) {
                return null;
            }
            String id = UUID.randomUUID().toString();
            var properties = new Opened(
                    id,
                    signal.rule().id(),
                    signal.rule().name(),
                    signal.rule().kind().name(),
                    "OPEN",
                    signal.slot(),
                    signal.subject().kind().name(),
                    signal.subject().namespace(),
                    signal.subject().name(),
                    signal.subject().id(),
                    signal.summary(),
                    signal.at(),
                    now,
                    now,
                    1,
                    signal.runId(),
                    signal.runId(),
                    notify,
                    json.writeValueAsString(signal.details()),
                    json.writeValueAsString(memo.get()));
            var created = writes.run(
                            "alert/open-incident", new Open(slot, id, signal.trigger(), properties), Result::single)
                    .get("incident");
            return new Change(true, incident(created));
        });
    }

    /** Which of the signals' slots hold an open incident, each with the trigger it last saw (possibly null). */
    Map<String, Optional<String>> openSlots(AlertRule rule, List<Signal> signals) {
        if (signals.isEmpty()) {
            return Map.of();
        }
        var slots = new Slots(
                rule.id(), signals.stream().map(Signal::slot).distinct().toList());
        return store.read("alert/open-slots", Parameters.of(slots), result -> {
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
            Incident resolved = store.writeTransaction(WRITE_TIMEOUT, writes -> {
                var locked = writes.run("alert/lock-subject", new Slot(rule.id(), signal.slot(), now()), Result::single)
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
                return resolve(writes, incident.id(), "auto", signal.summary());
            });
            if (resolved != null) {
                changes.add(new Change(false, resolved));
                pending.remove(signal.slot());
            }
        }
        return changes;
    }

    /** A person resolves an incident; NOT_FOUND for an unknown one, and an already resolved one is answered as is. */
    Change resolveManually(String id, String by, String note) {
        return store.writeTransaction(WRITE_TIMEOUT, writes -> {
            var found = writes.run("alert/incident", new IncidentId(id), Result::list);
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
                            writes,
                            id,
                            by == null || by.isBlank() ? "manual" : "manual: " + by,
                            note == null || note.isBlank() ? "Resolved by hand" : note));
        });
    }

    private Incident resolve(GraphStore.Writes writes, String id, String by, String resolution) {
        var rows = writes.run("alert/resolve-incident", new Resolve(id, now(), by, resolution), Result::list);
        return rows.isEmpty() ? null : incident(rows.getFirst().get("incident"));
    }

    Incident acknowledge(String id, String by, String note) {
        var acknowledge = new Acknowledge(
                id,
                now(),
                by == null || by.isBlank() ? null : by.strip(),
                note == null || note.isBlank() ? null : note.strip());
        var rows = store.write("alert/acknowledge-incident", acknowledge, WRITE_TIMEOUT, Result::list);
        if (rows.isEmpty()) {
            throw new NotFoundException("No alert incident " + id);
        }
        return incident(rows.getFirst().get("incident"));
    }

    Incident find(String id) {
        return store.read(
                "alert/incident",
                Parameters.of(new IncidentId(id)),
                result -> result.hasNext() ? incident(result.next().get("incident")) : null);
    }

    Connection<Incident> page(String status, String ruleId, int first, String after) {
        if (first < 1 || first > 500) {
            throw new IllegalArgumentException("first must be between 1 and 500");
        }
        var before = Cursors.Before.after(after);
        var page = new Page(status, ruleId, before.time(), before.id(), first + 1);
        List<Incident> fetched = store.read(
                "alert/incidents-page", Parameters.of(page), result -> result.list(r -> incident(r.get("incident"))));
        return Connection.of(fetched, first, i -> Cursors.of(i.openedAt(), i.id()));
    }

    /** lock-subject: a rule's slot for one subject, looked at {@code now}. */
    private record Slot(String ruleId, String subject, OffsetDateTime now) {}

    /** repeat-incident: the slot's open incident {@code id} seen again, for {@code trigger}. */
    private record Repeat(@Unwrapped Slot slot, String id, String trigger, String runId) {}

    /** open-incident: a new incident {@code id} in the slot, opened for {@code trigger}. */
    private record Open(@Unwrapped Slot slot, String id, String trigger, Opened properties) {}

    /** An opened incident's properties; a null one is not stored ({@link #incident} reads them back). */
    private record Opened(
            String id,
            String ruleId,
            String ruleName,
            String kind,
            String status,
            String subject,
            String subjectKind,
            String subjectNamespace,
            String subjectName,
            String subjectId,
            String summary,
            OffsetDateTime triggeredAt,
            OffsetDateTime openedAt,
            OffsetDateTime lastSeenAt,
            int occurrences,
            String runId,
            String lastRunId,
            boolean notified,
            String details,
            String impact) {}

    /** resolve-incident. */
    private record Resolve(String id, OffsetDateTime now, String by, String resolution) {}

    /** acknowledge-incident. */
    private record Acknowledge(String id, OffsetDateTime now, String by, String note) {}

    /** incident. */
    private record IncidentId(String id) {}

    /** open-slots: the rule's slots for these subjects. */
    private record Slots(String ruleId, List<String> subjects) {}

    /** incidents-page: filters, the position after the cursor, and one more than the page holds. */
    private record Page(String status, String ruleId, OffsetDateTime beforeTime, String beforeId, int limit) {}

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
