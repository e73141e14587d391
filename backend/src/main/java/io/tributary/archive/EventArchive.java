package io.tributary.archive;

import io.tributary.store.GraphStore;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/** Reads the raw event archive in (eventTime, id) order, which is stable for paging and for replay. */
@Repository
class EventArchive {

    private final GraphStore store;

    EventArchive(GraphStore store) {
        this.store = store;
    }

    List<RawEvent> page(String runId, OffsetDateTime since, OffsetDateTime until, Cursor after, int limit) {
        var parameters = new HashMap<String, Object>();
        parameters.put("runId", runId);
        parameters.put("since", since);
        parameters.put("until", until);
        parameters.put("afterTime", after == null ? null : after.eventTime());
        parameters.put("afterId", after == null ? null : after.id());
        parameters.put("limit", limit);
        String statement = runId == null ? "read/archive/events-by-time" : "read/archive/events-by-run";
        return store.read(statement, parameters, result -> result.list(EventArchive::toEvent));
    }

    private static RawEvent toEvent(Record r) {
        return new RawEvent(
                r.get("id").asString(),
                r.get("kind").asString(),
                string(r.get("eventType")),
                r.get("eventTime").asZonedDateTime().toOffsetDateTime(),
                string(r.get("runId")),
                string(r.get("jobNamespace")),
                string(r.get("jobName")),
                string(r.get("producer")),
                r.get("receivedAt").asZonedDateTime().toOffsetDateTime(),
                ArchivedJson.of(r));
    }

    private static String string(Value v) {
        return v.isNull() ? null : v.asString();
    }
}
