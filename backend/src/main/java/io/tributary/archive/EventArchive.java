package io.tributary.archive;

import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Repository;

/** Reads the raw event archive in (eventTime, id) order, which is stable for paging and for replay. */
@Repository
class EventArchive {

    private record Page(
            String runId,
            OffsetDateTime since,
            OffsetDateTime until,
            OffsetDateTime afterTime,
            String afterId,
            int limit) {}

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
        var page = new Page(runId, since, until, afterTime, afterId, limit);
        String statement = runId == null ? "read/archive/events-by-time" : "read/archive/events-by-run";
        return store.read(statement, Parameters.of(page), result -> result.list(RawEvent::from));
    }
}
