package io.tributary.write;

import io.tributary.digest.Sha256;
import io.tributary.event.LineageEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** JSON snapshots stored on SchemaVersion and QualityCheck nodes, and the hash that identifies a schema. */
final class SchemaJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SchemaJson() {}

    static String of(List<LineageEvent.SchemaField> fields) {
        List<Map<String, Object>> list = fields.stream()
                .map(f -> {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("path", f.path());
                    m.put("type", f.type());
                    m.put("description", f.description());
                    return (Map<String, Object>) m;
                })
                .toList();
        return MAPPER.writeValueAsString(list);
    }

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
