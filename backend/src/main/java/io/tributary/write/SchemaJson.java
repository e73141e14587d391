package io.tributary.write;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.digest.Sha256;
import io.tributary.event.LineageEvent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** JSON snapshots stored on SchemaVersion and QualityCheck nodes, and the hash that identifies a schema. */
final class SchemaJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SchemaJson() {}

    /** The schema's JSON, hashed to name its SchemaVersion: changing its form would give every schema a new hash. */
    static String of(List<LineageEvent.SchemaField> fields) {
        return MAPPER.writeValueAsString(fields.stream()
                .map(f -> new StoredField(f.path(), f.type(), f.description()))
                .toList());
    }

    @JsonPropertyOrder({"path", "type", "description"})
    private record StoredField(String path, String type, String description) {}

    /** Identifies one job's columnLineage facet for one output dataset: the job and every entry, in order. */
    static String lineageHash(LineageEvent.JobInfo job, List<LineageEvent.ColumnDerivation> entries) {
        var key = new ArrayList<Object>();
        key.add(job == null ? null : job.namespace());
        key.add(job == null ? null : job.name());
        key.add(entries);
        return hash(MAPPER.writeValueAsString(key));
    }

    static String assertions(List<LineageEvent.Assertion> assertions) {
        return MAPPER.writeValueAsString(assertions);
    }

    static String hash(String json) {
        return Sha256.hex(json, 16);
    }
}
