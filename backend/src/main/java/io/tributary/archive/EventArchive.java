package io.tributary.archive;

import io.tributary.store.GraphStore;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import org.springframework.stereotype.Repository;

/** Reads the raw event archive in (eventTime, id) order, which is stable for paging and for replay. */
@Repository
class EventArchive {

    private final GraphStore store;

    EventArchive(GraphStore store) {
        this.store = store;
    }

    /** Up to {@code limit} events after ({@code afterTime}, {@code afterId}), or from the first when those are null. */
    List<RawEvent> page(
            String runId,
            OffsetDateTime since,
            OffsetDateTime until,
            OffsetDateTime afterTime,
            String afterId,
            int limit) {
        var parameters = new HashMap<String, Object>();
        parameters.put("runId", runId);
        parameters.put("since", since);
        parameters.put("until", until);
        parameters.put("afterTime", afterTime);
        parameters.put("afterId", afterId);
        parameters.put("limit", limit);
        String statement = runId == null ? "read/archive/events-by-time" : "read/archive/events-by-run";
        return store.read(statement, parameters, result -> result.list(RawEvent::from));
    }
}
