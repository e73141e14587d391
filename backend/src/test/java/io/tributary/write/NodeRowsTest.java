package io.tributary.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeRowsTest {

    @Test
    void keysOfDifferentNameTuplesNeverCollide() {
        assertThat(NodeRows.key("a", "bc")).isNotEqualTo(NodeRows.key("ab", "c"));
        assertThat(NodeRows.key("a\u0000b", "c")).isNotEqualTo(NodeRows.key("a", "b\u0000c"));
        assertThat(NodeRows.key("1:a", "")).isNotEqualTo(NodeRows.key("", "1:a"));
        assertThat(NodeRows.key("x", null)).isNotEqualTo(NodeRows.key("x", "null"));
        assertThat(NodeRows.key("x", null)).isNotEqualTo(NodeRows.key("x", ""));
        assertThat(NodeRows.key("ns", "name")).isEqualTo(NodeRows.key("ns", "name"));
    }

    @Test
    void aNodeSeenByManyEventsIsOneRowSpanningTheirTimesWithTheNewestFacetPerName() {
        var rows = new NodeRows();
        var t1 = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        var t2 = OffsetDateTime.parse("2026-01-02T00:00:00Z");
        var t0 = OffsetDateTime.parse("2025-12-31T00:00:00Z");
        for (var time : List.of(t1, t2, t0)) {
            var row = rows.seen(NodeRows.key("ns", "job"), time, () -> NodeRows.entity("ns", "job"));
            NodeRows.addFacets(row, List.of(facet("sql", time.toString()), facet("docs", "v" + time.getDayOfMonth())));
        }
        rows.seen(NodeRows.key("ns", "other"), t1, () -> NodeRows.entity("ns", "other"));

        var list = rows.list();

        assertThat(list).hasSize(2);
        var job = list.getFirst();
        assertThat(job).containsEntry("firstSeen", t0).containsEntry("lastSeen", t2);
        @SuppressWarnings("unchecked")
        var facets = (List<Map<String, Object>>) job.get("facets");
        assertThat(facets)
                .extracting(f -> f.get("name") + "=" + f.get("version"))
                .containsExactly("sql=" + t2, "docs=v31");
        assertThat(rows.list()).isEqualTo(list);
    }

    private static Map<String, Object> facet(String name, String version) {
        var facet = new HashMap<String, Object>();
        facet.put("name", name);
        facet.put("version", version);
        facet.put("properties", Map.of());
        return facet;
    }
}
