package io.tributary.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.ChildJvm;
import io.tributary.testing.ServiceProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts that cannot work stop at once with Boot's short report, one line saying why, and no stack trace; a requested
 * stop (SIGTERM) is not a failure. Each service is a real child JVM, as {@code java -jar} runs it.
 */
@Tag(ChildJvm.TAG)
class StartupFailuresTest {

    private static final Duration START = Duration.ofMinutes(5);

    @Test
    void aBusyPortStopsTheStartNamingServerPortBeforeTheDatabaseStarts(@TempDir Path dataDir) throws IOException {
        try (var busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(0)); // all interfaces, as the service would bind
            int port = busy.getLocalPort();

            var exited = ServiceProcess.runUntilExit(dataDir, Map.of("server.port", String.valueOf(port)), START);

            assertThat(exited.exitCode()).isNotZero();
            assertThat(exited.output())
                    .contains("SERVER_PORT " + port
                            + " is already in use by another process (another Tributary?); nothing was started.")
                    .contains("set SERVER_PORT to a free port")
                    .doesNotContain("\tat ");
            assertThat(dataDir.resolve("neo4j"))
                    .as("no embedded database was started")
                    .doesNotExist();
        }
    }

    @Test
    void aSecondServiceOnTheSameDataDirectoryStopsNamingItWhileTheFirstStartedCleanlyAndEndsWithExitCode0OnSigterm(
            @TempDir Path dataDir) throws Exception {
        try (var first = ServiceProcess.start(dataDir, Map.of(), START)) {
            assertThat(first.output())
                    .as("start-up warnings that look like bugs")
                    .doesNotContain("Unknown keyword")
                    .doesNotContain("Bean Validation provider")
                    .doesNotContain("Java vector incubator module");

            var second = ServiceProcess.runUntilExit(dataDir, Map.of(), START);

            assertThat(second.exitCode()).isNotZero();
            assertThat(second.output())
                    .contains("The data directory " + dataDir.toAbsolutePath()
                            + " is in use by another process (another Tributary on the same TRIBUTARY_DATA_DIR?):"
                            + " its embedded database is locked.")
                    .contains("give this one its own TRIBUTARY_DATA_DIR")
                    .doesNotContain("\tat ");
            var health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(first.baseUri().resolve("/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(health.statusCode()).as("the first service runs on").isEqualTo(200);

            first.close();
            assertThat(first.exitCode()).as("exit code after SIGTERM").isZero();
        }
    }
}
