package io.tributary.log;

import static io.tributary.log.FileEventLogTest.assertSameRecords;
import static io.tributary.log.FileEventLogTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.event.EventParser;
import io.tributary.projection.Projector;
import io.tributary.store.GraphStore;
import io.tributary.testing.EndToEndTest;
import io.tributary.write.GroupCommitWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The Neo4j log on the real embedded database, as the service wires it with {@code tributary.log.mode=neo4j}. */
@TestPropertySource(properties = "tributary.log.mode=neo4j")
// The projector is stopped below, so this context is not reused by other classes.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class Neo4jEventLogTest extends EndToEndTest {

    @Autowired
    Projector projector;

    @Autowired
    GroupCommitWriter writer;

    @Autowired
    EventParser parser;

    /** These tests read the log themselves: a projector would archive and number events beside them. */
    @BeforeEach
    void logOnly() {
        projector.stop();
    }

    @Autowired
    EventLog log;

    @Autowired
    GraphStore store;

    @Autowired
    MeterRegistry meters;

    @Test
    void appendedEventsReadBackInOrderAndAreTheArchiveReadersKnow() {
        assertThat(log).isInstanceOf(Neo4jEventLog.class);
        var records = LogEvents.records(0, 4);
        LogPosition first = log.append(List.of(records.get(0))).join();
        LogPosition second = log.append(records.subList(1, 3)).join();
        LogPosition third = log.append(List.of(records.get(3))).join();

        var read = log.read(LogPosition.START, 100);
        assertSameRecords(read, records);
        assertThat(read).extracting(LoggedEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(read.get(0).position()).isEqualTo(first);
        assertThat(read.get(2).position())
                .as("an append's position is its last event's")
                .isEqualTo(second);
        assertThat(read.get(3).position()).isEqualTo(third);
        assertThat(log.committedPosition()).isEqualTo(third);
        assertSameRecords(log.read(first, 100), records.subList(1, 4));
        assertSameRecords(log.read(second, 1), records.subList(3, 4));
        assertThat(log.read(third, 100)).isEmpty();

        // The log's node is the archive's: the events query finds it by run, body and arrival time included.
        EventRecord record = records.get(1);
        graphQl.document("""
                        query($run: ID) { events(runId: $run) { edges { node { id eventType receivedAt event } } } }""")
                .variable("run", record.summary().runId())
                .execute()
                .path("events.edges[*].node.id")
                .entityList(String.class)
                .containsExactly(record.id())
                .path("events.edges[0].node.eventType")
                .entity(String.class)
                .isEqualTo(record.summary().eventType())
                .path("events.edges[0].node.receivedAt")
                .entity(String.class)
                // The API's DateTime has milliseconds.
                .satisfies(at -> assertThat(Instant.parse(at))
                        .isEqualTo(record.receivedAt().truncatedTo(ChronoUnit.MILLIS)));
        assertThat(meters.get("tributary.log.appended.events")
                        .tag("log", "neo4j")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void aRedeliveredEventKeepsItsPositionAndIsStoredOnce() {
        var record = LogEvents.record(0);
        LogPosition first = log.append(List.of(record)).join();
        LogPosition again = log.append(List.of(record)).join();

        assertThat(again).isGreaterThanOrEqualTo(first);
        var read = log.read(LogPosition.START, 100);
        assertSameRecords(read, List.of(record));
        assertThat(read.getFirst().position()).isEqualTo(first);
        assertThat(single("MATCH (e:Event) RETURN count(e) AS n")).isEqualTo(1L);
    }

    @Test
    void anEventArchivedByTodaysIngestJoinsTheLogWhenAppended() {
        var record = LogEvents.record(1);
        // Archived by the write path that acknowledges after the graph commit (tributary.log.mode=none).
        writer.submit(List.of(parser.parse(record.json().getBytes(StandardCharsets.UTF_8))))
                .join();
        assertThat(log.read(LogPosition.START, 100))
                .as("archived before the log numbered it")
                .isEmpty();

        LogPosition position = log.append(List.of(record)).join();

        var read = log.read(LogPosition.START, 100);
        assertThat(read).extracting(e -> e.record().id()).containsExactly(record.id());
        assertThat(read.getFirst().position()).isEqualTo(position);
        assertThat(single("MATCH (e:Event) RETURN count(e) AS n")).isEqualTo(1L);
    }

    @Test
    void theRetentionPurgeKeepsLoggedEventsUntilTheProjectorHasPassedThem() {
        var records = LogEvents.records(0, 4); // event times of 2024 and earlier
        log.append(records.subList(0, 2)).join();
        log.append(records.subList(2, 4)).join();
        String purge = "mutation($before: DateTime) { purgeEvents(before: $before) { purged } }";
        var writer =
                graphQl.mutate().header("Authorization", "Bearer " + API_KEY).build();

        // Every one is past the cut-off, and none is projected (the projector is stopped): they are the only copy.
        writer.document(purge)
                .variable("before", "2100-01-01T00:00:00Z")
                .execute()
                .path("purgeEvents.purged")
                .entity(Long.class)
                .isEqualTo(0L);
        assertThat(log.read(LogPosition.START, 100)).hasSize(4);

        projector.start();
        long committed = log.committedPosition().value();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> (Long) single("OPTIONAL MATCH (p:ProjectionPosition {log: 'neo4j'})"
                                + " RETURN coalesce(p.position, 0) AS n")
                        >= committed);
        writer.document(purge)
                .variable("before", "2100-01-01T00:00:00Z")
                .execute()
                .path("purgeEvents.purged")
                .entity(Long.class)
                .isEqualTo(4L);
        assertThat(single("MATCH (e:Event) RETURN count(e) AS n")).isEqualTo(0L);
        assertThat(single(
                        "MATCH (r:Run) WHERE r.runId IN $ids RETURN count(r) AS n",
                        Map.of(
                                "ids",
                                records.stream().map(r -> r.summary().runId()).toList())))
                .as("the graph stays")
                .isEqualTo(4L);
    }

    @Test
    void theProjectorPassesTheNumberARedeliveryWasGivenSoAReaderWithItsPositionDoesNotWaitInVain() {
        var record = LogEvents.record(5);
        LogPosition first = log.append(List.of(record)).join();
        LogPosition again = log.append(List.of(record)).join();
        assertThat(again).as("a number that holds no event").isGreaterThan(first);

        projector.start();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> (Long) single("OPTIONAL MATCH (p:ProjectionPosition {log: 'neo4j'})"
                                + " RETURN coalesce(p.position, 0) AS n")
                        >= again.value());
        assertThat(single("MATCH (e:Event) RETURN count(e) AS n")).isEqualTo(1L);
    }

    @Test
    void concurrentAppendersOfTwoReplicasAreAllAcknowledgedAndEachEventIsReadOnceInPositionOrder()
            throws InterruptedException {
        // A second writer on the same database, as another replica's log would be.
        try (var other = new Neo4jEventLog(store, Neo4jEventLog.Settings.DEFAULTS, new SimpleMeterRegistry())) {
            var logs = List.of(log, other);
            int threads = 16;
            int appendsPerThread = 8;
            var next = new AtomicInteger();
            var appends = new ConcurrentHashMap<Integer, Integer>();
            var positions = new ConcurrentHashMap<Integer, LogPosition>();
            var workers = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                EventLog writer = logs.get(t % 2);
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int a = 0; a < appendsPerThread; a++) {
                        int size = 1 + a % 3;
                        int from = next.getAndAdd(size);
                        positions.put(
                                from,
                                writer.append(LogEvents.records(from, size)).join());
                        appends.put(from, size);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            int total = next.get();
            assertThat(appends).hasSize(threads * appendsPerThread);

            var read = readAll(log, 37);
            assertThat(read).hasSize(total);
            assertThat(read).extracting(LoggedEvent::position).isSorted().doesNotHaveDuplicates();
            var index = new HashMap<String, Integer>();
            for (int i = 0; i < read.size(); i++) {
                index.put(read.get(i).record().id(), i);
            }
            for (Map.Entry<Integer, Integer> append : appends.entrySet()) {
                int at = index.get(LogEvents.record(append.getKey()).id());
                for (int k = 0; k < append.getValue(); k++) {
                    assertThat(read.get(at + k).record().id())
                            .as("a request's events are numbered together")
                            .isEqualTo(LogEvents.record(append.getKey() + k).id());
                }
                assertThat(read.get(at + append.getValue() - 1).position()).isEqualTo(positions.get(append.getKey()));
            }
            assertThat(log.committedPosition()).isEqualTo(read.getLast().position());
            assertThat(other.committedPosition()).isEqualTo(read.getLast().position());
        }
    }
}
