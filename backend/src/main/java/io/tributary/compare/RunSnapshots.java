package io.tributary.compare;

import io.tributary.archive.ArchivedJson;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.List;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a run reported about itself, folded from its archived events (see {@link RunSnapshot}). */
@Repository
class RunSnapshots {

    /** A run with more events than this is compared on its first ones; no real run comes close. */
    private static final int MAX_EVENTS_PER_RUN = 1000;

    private record RunEvents(String runId, int limit) {}

    private final GraphStore store;
    private final JsonMapper json;

    RunSnapshots(GraphStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    RunSnapshot of(String runId) {
        List<JsonNode> events = store.read(
                "read/compare/run-events",
                Parameters.of(new RunEvents(runId, MAX_EVENTS_PER_RUN)),
                result -> result.list(r -> json.readTree(ArchivedJson.of(r))));
        return RunSnapshot.fold(events);
    }
}
