package io.tributary.graph;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/** A job as the GraphQL API shows it. */
public record JobView(
        String namespace,
        String name,
        String description,
        String jobType,
        String integration,
        String processingType,
        List<String> owners) {

    public Map<String, Object> key() {
        return Map.of("namespace", namespace, "name", name);
    }

    public static JobView from(Record r) {
        return new JobView(
                r.get("namespace").asString(),
                r.get("name").asString(),
                Values.string(r.get("description")),
                Values.string(r.get("jobType")),
                Values.string(r.get("integration")),
                Values.string(r.get("processingType")),
                Values.strings(r.get("owners")));
    }
}
