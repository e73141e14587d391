package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the service while 16 appenders append to the file log and its projector applies windows: some
 * events are then acknowledged but not projected, and a window may be in its transaction. After a restart on the same
 * data directory, the projector resumes from its recorded position: every acknowledged event is in the graph (its run)
 * and in the archive, each once, and nothing is quarantined.
 */
class ProjectionKillTest {

    private static final int APPENDERS = 16;
    private static final int KILL_AFTER_ACKNOWLEDGED = 300;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(240);
    private static final Duration PROJECT_LIMIT = Duration.ofSeconds(400);

    @Test
    void everyAcknowledgedEventIsProjectedOnceAfterAKillMinus9() throws Exception {
        Path dataDir = Files.createTempDirectory("tributary-projection-kill-");
        var appender = EventLogChild.start("file", dataDir.toString(), "append", Integer.toString(APPENDERS));
        try {
            long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
            while (appender.lines("ACK").size() < KILL_AFTER_ACKNOWLEDGED
                    && appender.alive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(appender.alive())
                    .as("appender alive before the kill:\n%s", appender.output())
                    .isTrue();
        } finally {
            appender.close(); // kill -9
        }
        List<String> acknowledged = appender.lines("ACK");
        assertThat(acknowledged).isNotEmpty();

        List<String> runs;
        List<String> events;
        List<String> quarantined;
        try (var checker = EventLogChild.start("file", dataDir.toString(), "projected")) {
            assertThat(checker.awaitExit(PROJECT_LIMIT))
                    .as("projected:\n%s", checker.output())
                    .isTrue();
            assertThat(checker.exitValue()).as("exit:\n%s", checker.output()).isZero();
            runs = checker.lines("RUN");
            events = checker.lines("EVENTS");
            quarantined = checker.lines("QUARANTINED");
        }
        var inGraph = new HashSet<String>();
        runs.forEach(line -> inGraph.add(line.substring(4)));
        int highest = 0;
        for (String ack : acknowledged) {
            String[] f = ack.split(" ");
            int from = Integer.parseInt(f[1]);
            int count = Integer.parseInt(f[2]);
            for (int i = from; i < from + count; i++) {
                assertThat(inGraph)
                        .as("run of acknowledged event %d (%s)", i, ack)
                        .contains(hex(i));
            }
            highest = Math.max(highest, from + count);
        }
        // Every logged event (acknowledged or cut off before its answer) projected has one run and one archive node.
        long logged = 0;
        for (int i = 0; i < highest + APPENDERS * 3; i++) {
            if (inGraph.contains(hex(i))) {
                logged++;
            }
        }
        assertThat(events).singleElement().isEqualTo("EVENTS " + logged);
        assertThat(quarantined).singleElement().isEqualTo("QUARANTINED 0");
    }

    private static String hex(int i) {
        return LogEvents.runId(i).toString().replace("-", "");
    }
}
