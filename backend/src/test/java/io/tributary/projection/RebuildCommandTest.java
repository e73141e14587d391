package io.tributary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.ChildJvm;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.ServiceProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code java -jar tributary.jar rebuild}, as an operator runs it: on the data directory of a stopped service (real
 * child JVMs), it rebuilds the graph from the file event log, says so and exits 0; the service started again holds the
 * same graph.
 */
@Tag(ChildJvm.TAG)
class RebuildCommandTest {

    private static final String KEY = "rebuild-command-key";
    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;

    @Test
    void theRebuildCommandRebuildsAStoppedServicesGraphAndExits() throws Exception {
        var events = new ArrayList<String>();
        for (int i = 1; i <= 9; i++) {
            events.add(Fixtures.text("spark/compat-tests-cll/" + i + ".json"));
        }
        List<String> before;
        try (var service = ServiceProcess.start(dataDir, Map.of("tributary.api-key", KEY), START)) {
            var response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(service.baseUri().resolve("/api/v1/lineage/batch"))
                                    .header("Authorization", "Bearer " + KEY)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            service.awaitProjection(START);
            before = graph(service);
        }
        assertThat(before).anyMatch(line -> line.startsWith("[Run]"));

        var rebuilt = ServiceProcess.runUntilExit(dataDir, List.of("rebuild"), Map.of("tributary.api-key", KEY), START);

        assertThat(rebuilt.exitCode()).as(rebuilt.output()).isZero();
        assertThat(rebuilt.output()).contains("Rebuilt the graph: " + events.size() + " events replayed");
        try (var service = ServiceProcess.start(dataDir, Map.of("tributary.api-key", KEY), START)) {
            service.awaitProjection(START);
            assertThat(graph(service)).containsExactlyElementsOf(before);
        }
    }

    private static List<String> graph(ServiceProcess service) {
        try (var driver = GraphDatabase.driver(service.embeddedBoltUri(), AuthTokens.none())) {
            return EndToEndTest.canonicalGraph(driver, Set.of("Rebuild"), Set.of());
        }
    }
}
