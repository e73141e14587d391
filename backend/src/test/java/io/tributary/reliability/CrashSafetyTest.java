package io.tributary.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.ChildJvm;
import io.tributary.testing.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code kill -9} of the service while 16 clients ingest, then a restart on the same data directory: a 201 means the
 * event is committed (archive and graph in one transaction), so every acknowledged event must be there, whole.
 */
@Tag(ChildJvm.TAG)
class CrashSafetyTest {

    private static final String API_KEY = "crash-test-key";
    private static final int CLIENTS = 16;
    /** Acknowledged events after which the service is killed (or after LOAD_LIMIT on a very slow machine). */
    private static final int KILL_AFTER_ACKNOWLEDGED = 400;

    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(90);

    private static final List<ServiceProcess> started = new ArrayList<>();

    @AfterAll
    static void stopServices() {
        started.forEach(ServiceProcess::kill);
    }

    @Test
    void everyAcknowledgedEventSurvivesAKillMinus9WithAConsistentGraph() throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("tributary-crash-");
        Map<String, String> settings = Map.of("tributary.api-key", API_KEY);
        ServiceProcess first = ServiceProcess.start(dataDir, settings, READY);
        started.add(first);

        var load = new HttpLoad(first.baseUri(), API_KEY);
        List<Thread> clients = load.start(CLIENTS, () -> true, true);
        long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        while (load.acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int acknowledgedAtKill = load.acknowledged.size();
        first.kill();
        HttpLoad.join(clients);
        List<Map<String, Object>> acknowledged = List.copyOf(load.acknowledged);

        ServiceProcess second = ServiceProcess.start(dataDir, settings, READY);
        started.add(second);
        second.awaitProjection(READY);
        try (var driver = GraphDatabase.driver(second.embeddedBoltUri(), AuthTokens.none())) {
            List<String> archived = GraphChecks.archivedRunEvents(driver);
            var everyArchived = archived.stream().map(GeneratedEvents::expected).toList();
            List<String> missingAcknowledged = GraphChecks.differingRuns(driver, acknowledged);
            List<String> inconsistentArchived = GraphChecks.differingRuns(driver, everyArchived);
            Set<Object> archivedRuns =
                    Set.copyOf(everyArchived.stream().map(e -> e.get("runId")).toList());
            long acknowledgedFound = acknowledged.stream()
                    .filter(e -> archivedRuns.contains(e.get("runId")))
                    .count();
            System.out.printf(
                    "CRASH SAFETY: %d clients, killed (kill -9) at %d acknowledged; answers before the kill %s;"
                            + " after restart %d of %d acknowledged events found in the archive and the graph,"
                            + " %d events archived in all (%d committed but not acknowledged: the kill cut their"
                            + " answer), %d orphan runs, %d archived events without their run%n",
                    CLIENTS,
                    acknowledgedAtKill,
                    load.statusSummary(),
                    acknowledgedFound - missingAcknowledged.size(),
                    acknowledged.size(),
                    archived.size(),
                    archived.size() - acknowledgedFound,
                    GraphChecks.orphanRuns(driver),
                    GraphChecks.eventsWithoutRun(driver));

            assertThat(acknowledged).as("events acknowledged before the kill").isNotEmpty();
            assertThat(load.statuses.keySet()).as("statuses answered").containsOnly(201);
            assertThat(missingAcknowledged)
                    .as("acknowledged events missing from the archive or the graph")
                    .isEmpty();
            assertThat(acknowledgedFound).isEqualTo(acknowledged.size());
            assertThat(inconsistentArchived)
                    .as("archived events whose run, job or datasets are missing")
                    .isEmpty();
            assertThat(GraphChecks.orphanRuns(driver)).as("runs without RUN_OF").isZero();
            assertThat(GraphChecks.eventsWithoutRun(driver))
                    .as("archived events without their run")
                    .isZero();
        }

        var afterRestart = new HttpLoad(second.baseUri(), API_KEY);
        assertThat(afterRestart.postOne()).isTrue();
        assertThat(afterRestart.acknowledged)
                .as("ingest works after the restart")
                .hasSize(1);
        second.close();
    }
}
