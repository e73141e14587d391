package io.tributary.graph;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/** A dataset as the GraphQL API shows it. */
public record DatasetView(
        String namespace,
        String name,
        String description,
        List<String> owners,
        List<String> tags,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen) {

    public Map<String, Object> key() {
        return Map.of("namespace", namespace, "name", name);
    }

    public static DatasetView from(Record r) {
        return new DatasetView(
                r.get("namespace").asString(),
                r.get("name").asString(),
                Values.string(r.get("description")),
                Values.strings(r.get("owners")),
                Values.strings(r.get("tags")),
                Values.time(r.get("firstSeen")),
                Values.time(r.get("lastSeen")));
    }
}
