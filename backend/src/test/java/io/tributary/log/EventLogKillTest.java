package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of a service whose 16 appenders are appending to its event log while its projector applies windows,
 * then a new process on the same data directory reads the log and lets the projector catch up. The log: every
 * acknowledged append is there, whole, in one run of positions ending at its acknowledged position, nothing is read
 * twice or out of order, and a torn tail (the file log's last write cut short by the crash, made certain here by
 * appending half a record after the kill) is cut off. The graph: the projector resumes from its recorded position, so
 * every acknowledged event is in the graph (its run) and in the archive, each once, and nothing is quarantined.
 */
@Tag(ChildJvm.TAG)
class EventLogKillTest {

    private static final int APPENDERS = 16;
    private static final int KILL_AFTER_ACKNOWLEDGED = 300;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(240);
    private static final Duration READ_LIMIT = Duration.ofSeconds(400);

    @ParameterizedTest
    @ValueSource(strings = {"file", "neo4j"})
    void everyAcknowledgedAppendIsReadBackAndProjectedOnceAfterAKillMinus9(String mode)
            throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("tributary-log-kill-");
        var appender = EventLogChild.start(mode, dataDir.toString(), "append", Integer.toString(APPENDERS));
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
            appender.close(); // kill -9, then the rest of what it printed before
        }
        List<String> acknowledged = appender.lines("ACK");
        assertThat(acknowledged).as("appends acknowledged before the kill").isNotEmpty();

        Path segment = null;
        long tornTail = 0;
        if (mode.equals("file")) {
            segment = lastSegment(dataDir.resolve("event-log"));
            byte[] record = RecordCodec.encode(LogEvents.record(1_000_000)).array();
            byte[] half = Arrays.copyOf(record, record.length / 2);
            Files.write(segment, half, StandardOpenOption.APPEND);
            tornTail = half.length;
        }

        List<String> read;
        List<String> end;
        List<String> runs;
        List<String> archived;
        List<String> quarantined;
        try (var reader = EventLogChild.start(mode, dataDir.toString(), "projected")) {
            assertThat(reader.awaitExit(READ_LIMIT))
                    .as("reader done:\n%s", reader.output())
                    .isTrue();
            assertThat(reader.exitValue())
                    .as("reader exit:\n%s", reader.output())
                    .isZero();
            read = reader.lines("READ");
            end = reader.lines("END");
            runs = reader.lines("RUN");
            archived = reader.lines("EVENTS");
            quarantined = reader.lines("QUARANTINED");
        }

        var positions = read.stream().map(l -> Long.parseLong(l.split(" ")[1])).toList();
        var ids = read.stream().map(l -> l.split(" ")[2]).toList();
        assertThat(positions).as("read in position order").isSorted().doesNotHaveDuplicates();
        assertThat(ids).as("each event read once").doesNotHaveDuplicates();
        assertThat(end).singleElement().isEqualTo("END " + positions.getLast());

        var at = new HashMap<String, Integer>();
        for (int i = 0; i < ids.size(); i++) {
            at.put(ids.get(i), i);
        }
        int highest = 0;
        for (String ack : acknowledged) {
            String[] f = ack.split(" ");
            int from = Integer.parseInt(f[1]);
            int count = Integer.parseInt(f[2]);
            long position = Long.parseLong(f[3]);
            Integer first = at.get(LogEvents.record(from).id());
            assertThat(first).as("acknowledged append %s is in the log", ack).isNotNull();
            for (int k = 0; k < count; k++) {
                assertThat(ids.get(first + k))
                        .isEqualTo(LogEvents.record(from + k).id());
            }
            assertThat(positions.get(first + count - 1))
                    .as("position of %s", ack)
                    .isEqualTo(position);
            highest = Math.max(highest, from + count);
        }
        // Whatever else was read is an append the kill cut off before its answer, not damage: a known record.
        var known = new HashMap<String, Integer>();
        for (int i = 0; i < highest + APPENDERS * 3; i++) {
            known.put(LogEvents.record(i).id(), i);
        }
        assertThat(known.keySet()).as("events read").containsAll(ids);

        if (segment != null) {
            long base = Long.parseLong(segment.getFileName().toString().substring(0, 20));
            assertThat(Files.size(segment))
                    .as("the torn tail of %d bytes is cut", tornTail)
                    .isEqualTo(positions.getLast() - base);
        }
        // Every logged event (acknowledged or cut off before its answer) is projected: its run (the graph also holds
        // the
        // fixtures' parent runs) and one archive node each.
        var inGraph = new HashSet<String>();
        runs.forEach(line -> inGraph.add(line.substring("RUN ".length())));
        for (String id : ids) {
            assertThat(inGraph).as("run of logged event %s", id).contains(hex(known.get(id)));
        }
        assertThat(archived).singleElement().isEqualTo("EVENTS " + ids.size());
        assertThat(quarantined).singleElement().isEqualTo("QUARANTINED 0");
        System.out.printf(
                "EVENT LOG KILL (%s): %d appends acknowledged before kill -9, %d events read back and projected after restart%n",
                mode, acknowledged.size(), ids.size());
    }

    private static String hex(int i) {
        return LogEvents.runId(i).toString().replace("-", "");
    }

    private static Path lastSegment(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList()
                    .getLast();
        }
    }
}
