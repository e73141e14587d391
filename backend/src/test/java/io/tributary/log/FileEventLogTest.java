package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file log on real files: order, group commit, segments, recovery of a torn tail, damage. */
class FileEventLogTest {

    private static final FileEventLog.Settings SMALL_SEGMENTS =
            new FileEventLog.Settings(8 * 1024, 5_000, 16 << 20, 1_000);

    @TempDir
    Path dir;

    @Test
    void appendedEventsReadBackInOrderWithWhatTheProjectorNeeds() {
        var records = LogEvents.records(0, 4);
        try (var log = open(FileEventLog.Settings.DEFAULTS)) {
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
            assertSameRecords(log.read(LogPosition.START, 2), records.subList(0, 2));
        }
    }

    @Test
    void concurrentAppendersAreAllAcknowledgedAndEachEventIsReadOnceInPositionOrder() throws InterruptedException {
        int threads = 16;
        int appendsPerThread = 20;
        var next = new AtomicInteger();
        var acknowledged = new ConcurrentHashMap<Integer, Integer>(); // first record of an append -> its size
        var positions = new ConcurrentHashMap<Integer, LogPosition>();
        try (var log = open(FileEventLog.Settings.DEFAULTS)) {
            var workers = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int a = 0; a < appendsPerThread; a++) {
                        int size = 1 + a % 3;
                        int from = next.getAndAdd(size);
                        positions.put(
                                from, log.append(LogEvents.records(from, size)).join());
                        acknowledged.put(from, size);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            int total = next.get();
            assertThat(acknowledged).hasSize(threads * appendsPerThread);

            var read = readAll(log, 37);
            assertThat(read).hasSize(total);
            assertThat(read).extracting(LoggedEvent::position).isSorted().doesNotHaveDuplicates();
            assertSameRecords(
                    read.stream()
                            .sorted((a, b) ->
                                    a.record().id().compareTo(b.record().id()))
                            .toList(),
                    LogEvents.records(0, total).stream()
                            .sorted((a, b) -> a.id().compareTo(b.id()))
                            .toList());
            // A request's events stay together, and its acknowledgement is the position of the last of them.
            var index = new java.util.HashMap<String, Integer>();
            for (int i = 0; i < read.size(); i++) {
                index.put(read.get(i).record().id(), i);
            }
            for (Map.Entry<Integer, Integer> append : acknowledged.entrySet()) {
                int at = index.get(LogEvents.record(append.getKey()).id());
                for (int k = 1; k < append.getValue(); k++) {
                    assertThat(read.get(at + k).record().id())
                            .isEqualTo(LogEvents.record(append.getKey() + k).id());
                }
                assertThat(read.get(at + append.getValue() - 1).position()).isEqualTo(positions.get(append.getKey()));
            }
            assertThat(log.committedPosition()).isEqualTo(read.getLast().position());
        }
    }

    @Test
    void reopeningKeepsEveryEventAndAppendsContinueAfterThem() {
        var records = LogEvents.records(0, 6);
        LogPosition end;
        try (var log = open(FileEventLog.Settings.DEFAULTS)) {
            log.append(records.subList(0, 3)).join();
            end = log.committedPosition();
        }
        try (var log = open(FileEventLog.Settings.DEFAULTS)) {
            assertThat(log.committedPosition()).isEqualTo(end);
            LogPosition after = log.append(records.subList(3, 6)).join();
            assertThat(after).isGreaterThan(end);
            assertSameRecords(log.read(LogPosition.START, 100), records);
            assertSameRecords(log.read(end, 100), records.subList(3, 6));
        }
    }

    @Test
    void segmentsRollAndAreReadAcrossInOrder() throws IOException {
        var records = LogEvents.records(0, 40);
        try (var log = open(SMALL_SEGMENTS)) {
            for (EventRecord record : records) {
                log.append(List.of(record)).join();
            }
            assertThat(segmentFiles()).as("segments of 8 KiB").hasSizeGreaterThan(3);
            assertSameRecords(readAll(log, 3), records);
        }
        try (var log = open(SMALL_SEGMENTS)) {
            assertSameRecords(readAll(log, 5), records);
        }
    }

    @Test
    void aTornTailIsCutOnOpenAndEveryAcknowledgedEventStays() throws IOException {
        var acknowledged = LogEvents.records(0, 5);
        LogPosition end;
        try (var log = open(FileEventLog.Settings.DEFAULTS)) {
            for (EventRecord record : acknowledged) {
                log.append(List.of(record)).join();
            }
            end = log.committedPosition();
        }
        Path segment = segmentFiles().getLast();
        long committedSize = Files.size(segment);
        byte[] unacknowledged = RecordCodec.encode(LogEvents.record(99)).array();
        byte[] random = new byte[3000];
        new Random(7).nextBytes(random);
        var tails = new ArrayList<byte[]>();
        for (int cut : new int[] {1, 4, 7, 8, 9, 100, unacknowledged.length / 2, unacknowledged.length - 1}) {
            tails.add(Arrays.copyOf(unacknowledged, cut)); // a group written in part before the crash
        }
        tails.add(new byte[4096]); // zeros: pages the file system allocated but never wrote
        tails.add(random);
        var withTwo = ByteBuffer.allocate(unacknowledged.length * 2 - 10);
        withTwo.put(unacknowledged).put(unacknowledged, 0, unacknowledged.length - 10);
        tails.add(withTwo.array()); // a whole record, then a torn one: the group was not acknowledged either

        for (byte[] tail : tails) {
            Files.write(segment, tail, StandardOpenOption.APPEND);
            try (var log = open(FileEventLog.Settings.DEFAULTS)) {
                boolean wholeRecordSurvives = tail == withTwo.array();
                var read = log.read(LogPosition.START, 100);
                if (wholeRecordSurvives) {
                    // Written in full before the crash: a reader may see it (it was never acknowledged, nor lost).
                    assertSameRecords(read.subList(0, 5), acknowledged);
                    assertThat(read).hasSize(6);
                    assertThat(read.getLast().record().id())
                            .isEqualTo(LogEvents.record(99).id());
                    // Back to the acknowledged state for the next tail.
                    try (var channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                        channel.truncate(committedSize);
                    }
                    continue;
                }
                assertSameRecords(read, acknowledged);
                assertThat(log.committedPosition()).isEqualTo(end);
                assertThat(Files.size(segment))
                        .as("tail of %d bytes cut", tail.length)
                        .isEqualTo(committedSize);
            }
        }
        try (var log = open(FileEventLog.Settings.DEFAULTS)) {
            log.append(List.of(LogEvents.record(5))).join();
            assertSameRecords(log.read(LogPosition.START, 100), LogEvents.records(0, 6));
        }
    }

    @Test
    void aDamagedRecordIsReportedNotSkipped() throws IOException {
        var records = LogEvents.records(0, 30);
        var positions = new ArrayList<LogPosition>();
        try (var log = open(SMALL_SEGMENTS)) {
            for (EventRecord record : records) {
                positions.add(log.append(List.of(record)).join());
            }
        }
        Path first = segmentFiles().getFirst();
        flipByte(first, 40); // inside the first record's payload, in a closed segment

        try (var log = open(SMALL_SEGMENTS)) {
            assertThatThrownBy(() -> log.read(LogPosition.START, 100))
                    .isInstanceOf(CorruptEventLogException.class)
                    .hasMessageContaining(first.getFileName().toString())
                    .hasMessageContaining("checksum");
            // The damage is reported where it is; the records after it are still read.
            assertSameRecords(log.read(positions.getFirst(), 100), records.subList(1, 30));

            // Damage under an open log, in the segment being written: reported too.
            log.append(List.of(LogEvents.record(30))).join();
            Path last = segmentFiles().getLast();
            flipByte(last, Files.size(last) - 20);
            assertThatThrownBy(() -> log.read(positions.getLast(), 100)).isInstanceOf(CorruptEventLogException.class);
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() {
        try (var log = open(FileEventLog.Settings.DEFAULTS)) {
            assertThatThrownBy(() -> open(FileEventLog.Settings.DEFAULTS))
                    .isInstanceOf(EventLogException.class)
                    .hasMessageContaining("in use");
            assertThat(log.append(LogEvents.records(0, 1)).join()).isGreaterThan(LogPosition.START);
        }
    }

    @Test
    void anAppendAfterCloseFailsAtOnce() {
        var log = open(FileEventLog.Settings.DEFAULTS);
        log.close();
        assertThatThrownBy(() -> log.append(LogEvents.records(0, 1)).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(EventLogException.class);
    }

    private FileEventLog open(FileEventLog.Settings settings) {
        return FileEventLog.open(dir, settings, new SimpleMeterRegistry());
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            var b = ByteBuffer.allocate(1);
            channel.read(b, offset);
            b.flip();
            byte flipped = (byte) (b.get() ^ 0x5a);
            channel.write(ByteBuffer.wrap(new byte[] {flipped}), offset);
        }
    }

    static List<LoggedEvent> readAll(EventLog log, int page) {
        var all = new ArrayList<LoggedEvent>();
        LogPosition after = LogPosition.START;
        List<LoggedEvent> read;
        while (!(read = log.read(after, page)).isEmpty()) {
            assertThat(read.size()).isLessThanOrEqualTo(page);
            all.addAll(read);
            after = read.getLast().position();
        }
        return all;
    }

    static void assertSameRecords(List<LoggedEvent> read, List<EventRecord> expected) {
        assertThat(read).hasSameSizeAs(expected);
        var ids = new HashSet<String>();
        for (int i = 0; i < expected.size(); i++) {
            EventRecord actual = read.get(i).record();
            EventRecord wanted = expected.get(i);
            assertThat(actual.id()).isEqualTo(wanted.id());
            assertThat(actual.source()).isEqualTo(wanted.source());
            assertThat(actual.receivedAt()).isEqualTo(wanted.receivedAt());
            assertThat(actual.summary()).isEqualTo(wanted.summary());
            assertThat(actual.json()).isEqualTo(wanted.json());
            ids.add(actual.id());
        }
        assertThat(ids).as("distinct events").hasSize(expected.size());
    }
}
