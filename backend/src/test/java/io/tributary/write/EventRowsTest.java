package io.tributary.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.event.EventParser;
import io.tributary.event.InvalidEventException;
import io.tributary.event.LineageEvent;
import io.tributary.store.Batch;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import io.tributary.testing.Fixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventRowsTest {

    private static final Pattern ROW_FIELD = Pattern.compile("\\brow\\.(\\w+)");

    private final EventParser parser = new EventParser();

    /**
     * The rows of every fixture event, sent as the driver gets them, hold every field each ingest statement reads from
     * {@code row}: a name changed on one side only would make the statement read null and silently write nothing.
     */
    @Test
    void everyIngestStatementFindsEachFieldItReadsInItsRows() throws IOException {
        var rows = EventRows.of(fixtureEvents());
        var byStatement = new LinkedHashMap<String, List<? extends Record>>();
        byStatement.put("archive-events", rows.events);
        byStatement.put("upsert-jobs", rows.jobs);
        byStatement.put("upsert-datasets", rows.datasets);
        byStatement.put("upsert-schemas", rows.schemas);
        byStatement.put("upsert-fields", rows.schemaFields(indexes(rows.schemas)));
        byStatement.put("upsert-runs", rows.runs);
        byStatement.put("link-run-parents", rows.parents);
        byStatement.put("link-run-inputs", rows.runInputs);
        byStatement.put("link-run-outputs", rows.runOutputs);
        byStatement.put("link-job-inputs", rows.jobInputs);
        byStatement.put("link-job-outputs", rows.jobOutputs);
        byStatement.put("upsert-column-lineage-versions", rows.lineageVersions);
        byStatement.put("column-lineage-changes", rows.columnLineageToCheck(List.of()));
        byStatement.put("upsert-column-lineage", rows.columnLineage(indexes(rows.columnLineage)));
        byStatement.put("link-symlinks", rows.symlinks);
        byStatement.put("upsert-quality", rows.quality);

        for (var statement : byStatement.entrySet()) {
            var sent = sentRows(statement.getValue());
            assertThat(sent).as(statement.getKey()).isNotEmpty();
            Set<String> read = fieldsRead(statement.getKey());
            for (var row : sent) {
                assertThat(row.keySet()).as(statement.getKey()).containsAll(read);
            }
        }
    }

    @Test
    void aRunsEventsInOneBatchGiveOneRowPerNodeAndEdgeSpanningTheirTimesAndOneRunRowPerEvent() {
        var events = new ArrayList<LineageEvent>();
        for (int i = 1; i <= 9; i++) {
            events.add(parse(Fixtures.text("spark/compat-tests-cll/" + i + ".json")));
        }
        var rows = EventRows.of(events);

        assertThat(rows.runs).hasSize(events.size());
        var jobKeys = rows.jobs.stream().map(j -> j.key()).toList();
        assertThat(jobKeys).doesNotHaveDuplicates();
        assertThat(rows.datasets.stream().map(d -> d.key()).toList()).doesNotHaveDuplicates();
        assertThat(rows.runOutputs.stream().map(r -> r.key()).toList()).doesNotHaveDuplicates();
        var first = events.stream()
                .map(LineageEvent::eventTime)
                .min(Comparable::compareTo)
                .orElseThrow();
        var last = events.stream()
                .map(LineageEvent::eventTime)
                .max(Comparable::compareTo)
                .orElseThrow();
        var job = events.getFirst().job();
        var jobRow = rows.jobs.stream()
                .filter(j -> j.key().equals(new JobKey(job.namespace(), job.name())))
                .findFirst()
                .orElseThrow();
        assertThat(jobRow.firstSeen())
                .isEqualTo(events.stream()
                        .filter(e -> e.job().name().equals(job.name()))
                        .map(LineageEvent::eventTime)
                        .min(Comparable::compareTo)
                        .orElseThrow());
        assertThat(rows.jobs).allSatisfy(j -> {
            assertThat(j.firstSeen()).isAfterOrEqualTo(first);
            assertThat(j.lastSeen()).isBeforeOrEqualTo(last);
        });
    }

    private List<LineageEvent> fixtureEvents() throws IOException {
        var events = new ArrayList<LineageEvent>();
        try (Stream<Path> files = Files.walk(fixtureRoot())) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (text.contains(Fixtures.FILLED) || text.startsWith("[")) {
                    continue; // templates the tests fill in, and arrays (seed data)
                }
                try {
                    events.add(parse(text));
                } catch (InvalidEventException e) {
                    // the invalid/ fixtures
                }
            }
        }
        return events;
    }

    private LineageEvent parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Path fixtureRoot() {
        try {
            return Path.of(
                    EventRowsTest.class.getResource("/openlineage-events").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sentRows(List<? extends Record> rows) {
        return (List<Map<String, Object>>)
                ((Map<String, Object>) Parameters.of(new Batch(rows)).get("batch")).get("rows");
    }

    /** The {@code row.x} names a statement reads; upsert-schemas re-binds {@code row} to rows it builds itself. */
    private static Set<String> fieldsRead(String statement) throws IOException {
        String cypher;
        try (var in = EventRowsTest.class.getResourceAsStream("/cypher/ingest/" + statement + ".cypher")) {
            cypher = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var names = new TreeSet<String>();
        ROW_FIELD.matcher(cypher).results().forEach(m -> names.add(m.group(1)));
        if (statement.equals("upsert-schemas")) {
            names.remove("writeFields");
        }
        return names;
    }

    private static List<Integer> indexes(List<?> rows) {
        return IntStream.range(0, rows.size()).boxed().toList();
    }
}
