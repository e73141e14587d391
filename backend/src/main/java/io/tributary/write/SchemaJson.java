package io.tributary.write;

import io.tributary.event.LineageEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
