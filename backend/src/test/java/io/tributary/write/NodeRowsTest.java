package io.tributary.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.store.DatasetKey;
import io.tributary.store.JobKey;
import io.tributary.write.IngestRows.EntityRow;
import io.tributary.write.IngestRows.FacetRow;
import io.tributary.write.NodeRows.Facets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeRowsTest {

    @Test
    void keysOfDifferentNameTuplesNeverCollide() {
        assertThat(new DatasetKey("a", "bc")).isNotEqualTo(new DatasetKey("ab", "c"));
        assertThat(new DatasetKey("a\u0000b", "c")).isNotEqualTo(new DatasetKey("a", "b\u0000c"));
        assertThat(new DatasetKey("1:a", "")).isNotEqualTo(new DatasetKey("", "1:a"));
        assertThat(new DatasetKey("x", null)).isNotEqualTo(new DatasetKey("x", "null"));
        assertThat(new DatasetKey("x", null)).isNotEqualTo(new DatasetKey("x", ""));
        assertThat(new DatasetKey("ns", "name")).isEqualTo(new DatasetKey("ns", "name"));
    }

    @Test
    void aNodeSeenByManyEventsIsOneRowSpanningTheirTimesWithTheNewestFacetPerName() {
        var rows = new NodeRows<JobKey, Facets>();
        var t1 = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        var t2 = OffsetDateTime.parse("2026-01-02T00:00:00Z");
        var t0 = OffsetDateTime.parse("2025-12-31T00:00:00Z");
        for (var time : List.of(t1, t2, t0)) {
            rows.seen(new JobKey("ns", "job"), time, Facets::new)
                    .data()
                    .add(List.of(facet("sql", time.toString()), facet("docs", "v" + time.getDayOfMonth())));
        }
        rows.seen(new JobKey("ns", "other"), t1, Facets::new);

        var list = rows.list(NodeRowsTest::entity);

        assertThat(list).hasSize(2);
        var job = list.getFirst();
        assertThat(job.firstSeen()).isEqualTo(t0);
        assertThat(job.lastSeen()).isEqualTo(t2);
        assertThat(job.facets()).extracting(f -> f.name() + "=" + f.version()).containsExactly("sql=" + t2, "docs=v31");
        assertThat(rows.list(NodeRowsTest::entity)).isEqualTo(list);
    }

    private static EntityRow<JobKey> entity(JobKey key, NodeRows.Sighting<Facets> seen, int index) {
        return new EntityRow<>(
                key, key.name(), seen.firstSeen(), seen.lastSeen(), seen.data().list());
    }

    private static FacetRow facet(String name, String version) {
        return new FacetRow(name, version, Map.of());
    }
}
