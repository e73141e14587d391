package io.tributary.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 32 writers over HTTP at once, on overlapping runs (each event posted by 4 writers), jobs and datasets: every request
 * is acknowledged and the graph is exactly the one a single sequential client produces.
 */
class ConcurrentWritersTest extends EndToEndTest {

    private static final int WRITERS = 32;
    private static final int RUNS = 64;
    private static final int EVENTS_PER_WRITER = 16;

    @Test
    void thirtyTwoConcurrentWritersOnOverlappingRunsGetNoErrorAndLeaveTheSequentialGraph() throws Exception {
        var runIds = new ArrayList<String>();
        var events = new ArrayList<String>();
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        for (int run = 0; run < RUNS; run++) {
            String runId =
                    UUID.nameUUIDFromBytes(("concurrency-" + run).getBytes()).toString();
            runIds.add(runId);
            events.add(GeneratedEvents.event(
                    run, runId, "START", start.plusSeconds(run).toString()));
            events.add(GeneratedEvents.event(
                    run, runId, "COMPLETE", start.plusSeconds(run + 60).toString()));
        }

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var go = new CountDownLatch(1);
        var writers = new ArrayList<Thread>();
        for (int w = 0; w < WRITERS; w++) {
            var mine = new ArrayList<String>();
            for (int j = 0; j < EVENTS_PER_WRITER; j++) {
                mine.add(events.get((w * 8 + j) % events.size()));
            }
            Collections.shuffle(mine, new Random(w));
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (String event : mine) {
                        int status = http.send(request(event), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        statuses.computeIfAbsent(status, s -> new AtomicInteger())
                                .incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    failures.add(e);
                }
            }));
        }
        go.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        List<String> concurrent = canonicalGraph();
        System.out.printf(
                "CONCURRENCY: %d writers x %d events (%d distinct, each posted %d times): statuses %s%n",
                WRITERS, EVENTS_PER_WRITER, events.size(), WRITERS * EVENTS_PER_WRITER / events.size(), statuses);

        assertThat(failures).isEmpty();
        assertThat(statuses.keySet()).containsOnly(201);
        assertThat(statuses.get(201)).hasValue(WRITERS * EVENTS_PER_WRITER);
        assertThat(single("MATCH (e:Event) RETURN count(e)")).isEqualTo((long) events.size());
        assertThat(single(
                        "MATCH (r:Run {state: 'COMPLETED'})-[:RUN_OF]->(:Job) WHERE r.runId IN $ids RETURN count(r)",
                        Map.of("ids", runIds)))
                .isEqualTo((long) RUNS);
        assertThat(single("MATCH (r:Run) WHERE NOT EXISTS { MATCH (r)-[:RUN_OF]->(:Job) } RETURN count(r)"))
                .isEqualTo(0L);

        emptyGraph();
        postAll(events);
        assertThat(concurrent).isEqualTo(canonicalGraph());
    }

    private HttpRequest request(String event) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/lineage"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build();
    }
}
