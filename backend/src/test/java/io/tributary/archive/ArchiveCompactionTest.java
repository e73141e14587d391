package io.tributary.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A store upgraded from text archive bodies ends with every body compressed and unchanged. */
class ArchiveCompactionTest extends EndToEndTest {

    @Autowired
    ArchiveCompaction compaction;

    @Test
    void theStartUpPassIsRecordedSoThatLaterStartsSkipIt() {
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(single(
                                "MATCH (m:Migration {version: $version}) RETURN count(m)",
                                Map.of("version", ArchiveCompaction.MIGRATION)))
                        .isEqualTo(1L));
    }

    @Test
    void compressesEveryTextBodyLeftByAnOlderVersionAndKeepsItAsSent() {
        List<String> events = IntStream.rangeClosed(1, 9)
                .mapToObj(i -> Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                .toList();
        postAll(events);
        // The store as an older version left it: text bodies, no compressed ones.
        for (var row : query("MATCH (e:Event) RETURN e.id AS id, e.jsonGzip AS gzip")) {
            query(
                    "MATCH (e:Event {id: $id}) SET e.json = $text REMOVE e.jsonGzip",
                    Map.of("id", row.get("id"), "text", ArchivedJson.decompress((byte[]) row.get("gzip"))));
        }
        assertThat(single("MATCH (e:Event) WHERE e.json IS NULL OR e.jsonGzip IS NOT NULL RETURN count(e)"))
                .isEqualTo(0L);
        List<String> before = canonicalGraph();

        assertThat(compaction.compressAll()).isEqualTo(9L);

        assertThat(single("MATCH (e:Event) WHERE e.json IS NOT NULL OR e.jsonGzip IS NULL RETURN count(e)"))
                .isEqualTo(0L);
        assertThat(query("MATCH (e:Event) RETURN e.jsonGzip AS gzip"))
                .extracting(row -> ArchivedJson.decompress((byte[]) row.get("gzip")))
                .containsExactlyInAnyOrderElementsOf(events);
        // Nothing else moved (the canonical dump compares bodies by digest, whichever form holds them).
        assertThat(canonicalGraph()).isEqualTo(before);
        // A second pass finds nothing left to do.
        assertThat(compaction.compressAll()).isZero();
    }
}
