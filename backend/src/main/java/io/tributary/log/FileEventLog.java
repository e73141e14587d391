package io.tributary.log;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.store.UnreachableBackoff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log as append-only segment files in one directory, one fsync per group of appends. A position is a byte
 * offset: the end of its record in the concatenation of all segments, each segment named by the offset it starts at.
 *
 * <p>Recovery on open: a crash can leave the last segment with a torn tail (a group written but not yet forced, so none
 * of it acknowledged); the tail is cut at the first record whose length or checksum is wrong. Earlier segments were
 * forced before the next one began, so damage there is reported on read, never cut.
 *
 * <p>One process at a time: the directory is locked while the log is open. After an I/O failure the log refuses
 * appends until it is reopened (a failed fsync may have dropped written pages; only recovery knows what is on disk).
 */
public final class FileEventLog implements EventLog {

    /**
     * @param segmentBytes a segment is closed once it holds this many bytes (a group may overshoot it)
     * @param maxGroupEvents most events committed by one fsync
     * @param maxGroupBytes most bytes committed by one fsync
     * @param queueCapacity appends waiting for the writer before appends fail at once
     */
    public record Settings(long segmentBytes, int maxGroupEvents, long maxGroupBytes, int queueCapacity) {

        public static final Settings DEFAULTS = new Settings(64L << 20, 2_000, 16L << 20, 20_000);
    }

    private static final Logger log = LoggerFactory.getLogger(FileEventLog.class);
    private static final Pattern SEGMENT = Pattern.compile("\\d{20}\\.log");
    private static final int READ_CHUNK = 1 << 20;

    private final Path dir;
    private final Settings settings;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Every segment by the position it starts at; the last one is the one written. */
    private final ConcurrentSkipListMap<Long, FileChannel> segments = new ConcurrentSkipListMap<>();

    private final GroupCommit<ByteBuffer[]> groups;
    /** The end of the last forced group: what readers may see and appenders were promised. */
    private volatile long committed;
    /** Set by the first I/O failure of the writer; appends fail from then on. */
    private volatile IOException failed;

    private FileEventLog(Path dir, Settings settings, MeterRegistry meters) throws IOException {
        this.dir = dir;
        this.settings = settings;
        Files.createDirectories(dir);
        this.lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(lockChannel);
        if (lock == null) {
            lockChannel.close();
            throw new EventLogException("the event log at " + dir + " is in use by another process");
        }
        try {
            recover();
        } catch (IOException | RuntimeException e) {
            closeChannels();
            throw e;
        }
        this.groups = new GroupCommit<>(
                name(),
                this::write,
                settings.maxGroupEvents(),
                settings.maxGroupBytes(),
                settings.queueCapacity(),
                UnreachableBackoff.DEFAULT,
                meters);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null; // held by this process
        }
    }

    /** Opens (creating if need be) the log in {@code dir}, truncating a torn tail left by a crash. */
    public static FileEventLog open(Path dir, Settings settings, MeterRegistry meters) {
        try {
            return new FileEventLog(dir, settings, meters);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log at " + dir, e);
        }
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public CompletableFuture<LogPosition> append(List<EventRecord> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        if (failed != null) {
            return CompletableFuture.failedFuture(
                    new EventLogException("the event log failed and must be reopened: " + failed, failed));
        }
        var encoded = new ByteBuffer[events.size()];
        long bytes = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = RecordCodec.encode(events.get(i));
            bytes += encoded[i].remaining();
        }
        return groups.submit(encoded, encoded.length, bytes);
    }

    /** The writer thread's one job: write the group at the end of the last segment and force it. */
    private List<LogPosition> write(List<ByteBuffer[]> group) throws IOException {
        if (failed != null) {
            throw new EventLogException("the event log failed and must be reopened: " + failed, failed);
        }
        try {
            var last = segments.lastEntry();
            if (committed - last.getKey() >= settings.segmentBytes()) {
                last = roll();
            }
            FileChannel channel = last.getValue();
            var buffers = new ArrayList<ByteBuffer>();
            var positions = new ArrayList<LogPosition>(group.size());
            long end = committed;
            for (ByteBuffer[] append : group) {
                for (ByteBuffer record : append) {
                    end += record.remaining();
                    buffers.add(record);
                }
                positions.add(new LogPosition(end));
            }
            var all = buffers.toArray(ByteBuffer[]::new);
            long offset = committed - last.getKey();
            channel.position(offset);
            long toWrite = end - committed;
            while (toWrite > 0) {
                toWrite -= channel.write(all);
            }
            channel.force(false);
            committed = end;
            return positions;
        } catch (IOException e) {
            failed = e;
            log.error("The event log at {} failed; appends are refused until it is reopened", dir, e);
            throw e;
        }
    }

    /** Closes the full segment (already forced) and starts the next one where it ends. */
    private Map.Entry<Long, FileChannel> roll() throws IOException {
        long base = committed;
        segments.put(
                base,
                FileChannel.open(
                        segmentPath(base),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE));
        forceDirectory();
        return segments.lastEntry();
    }

    @Override
    public List<LoggedEvent> read(LogPosition after, int max) {
        long end = committed;
        long position = after.value();
        var events = new ArrayList<LoggedEvent>(Math.min(max, 1024));
        try {
            while (events.size() < max && position < end) {
                var segment = segments.floorEntry(position);
                long segmentEnd = Math.min(end, nextBase(segment.getKey(), end));
                position = readChunk(segment, position, segmentEnd, max, events);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event log at " + dir, e);
        }
        return events;
    }

    private long nextBase(long base, long end) {
        Long next = segments.higherKey(base);
        return next == null ? end : next;
    }

    /**
     * Reads whole records of one segment from {@code position} into {@code events}, up to a chunk's worth; returns the
     * position after the last record read.
     */
    private long readChunk(
            Map.Entry<Long, FileChannel> segment, long position, long segmentEnd, int max, List<LoggedEvent> events)
            throws IOException {
        long base = segment.getKey();
        byte[] chunk =
                readFully(segment.getValue(), position - base, (int) Math.min(READ_CHUNK, segmentEnd - position));
        int offset = 0;
        while (events.size() < max && offset + RecordCodec.HEADER_BYTES <= chunk.length) {
            int length = RecordCodec.payloadLength(ByteBuffer.wrap(chunk, offset, RecordCodec.HEADER_BYTES));
            long recordEnd = position + offset + RecordCodec.HEADER_BYTES + length;
            if (length < 0 || recordEnd > segmentEnd) {
                throw corrupt(base, position - base + offset, "a record length that cannot be");
            }
            if (offset + RecordCodec.HEADER_BYTES + length > chunk.length) {
                if (offset > 0) {
                    break; // the rest of this record is in the next chunk
                }
                chunk = readFully(segment.getValue(), position - base, RecordCodec.HEADER_BYTES + length);
            }
            if (!RecordCodec.intact(chunk, offset, length)) {
                throw corrupt(base, position - base + offset, "a checksum that does not match");
            }
            events.add(new LoggedEvent(new LogPosition(recordEnd), RecordCodec.decode(chunk, offset, length)));
            offset += RecordCodec.HEADER_BYTES + length;
        }
        return position + offset;
    }

    private CorruptEventLogException corrupt(long base, long offset, String what) {
        return new CorruptEventLogException(
                "the event log's segment " + segmentPath(base).getFileName() + " has " + what + " at byte " + offset
                        + ": committed data is damaged");
    }

    private static byte[] readFully(FileChannel channel, long offset, int size) throws IOException {
        var buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("unexpected end of segment at byte " + (offset + buffer.position()));
            }
        }
        return buffer.array();
    }

    @Override
    public LogPosition committedPosition() {
        return new LogPosition(committed);
    }

    /** Opens every segment and cuts a torn tail off the last one. */
    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(
                            p -> SEGMENT.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            segments.put(
                    0L,
                    FileChannel.open(
                            segmentPath(0),
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE));
            forceDirectory();
            committed = 0;
            return;
        }
        long expected = -1;
        for (Path file : files) {
            long base = Long.parseLong(file.getFileName().toString().substring(0, 20));
            if (expected >= 0 && base != expected) {
                throw new CorruptEventLogException("the event log's segment " + file.getFileName() + " should start at "
                        + expected + ": a segment is missing or was cut");
            }
            var channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            segments.put(base, channel);
            expected = base + channel.size();
        }
        var last = segments.lastEntry();
        FileChannel channel = last.getValue();
        long size = channel.size();
        long valid = validPrefix(channel, size);
        if (valid < size) {
            log.warn(
                    "The event log's last segment {} ends with {} bytes of a group that was not committed (a crash"
                            + " before its fsync); cutting them off",
                    segmentPath(last.getKey()).getFileName(),
                    size - valid);
            channel.truncate(valid);
            channel.force(true);
        }
        committed = last.getKey() + valid;
        log.info("Event log at {} opened: {} segments, committed position {}", dir, segments.size(), committed);
    }

    /** The length of the run of intact records at the start of a segment. */
    private static long validPrefix(FileChannel channel, long size) throws IOException {
        long offset = 0;
        while (offset + RecordCodec.HEADER_BYTES <= size) {
            int length =
                    RecordCodec.payloadLength(ByteBuffer.wrap(readFully(channel, offset, RecordCodec.HEADER_BYTES)));
            if (length < 0 || offset + RecordCodec.HEADER_BYTES + length > size) {
                break;
            }
            byte[] record = readFully(channel, offset, RecordCodec.HEADER_BYTES + length);
            if (!RecordCodec.intact(record, 0, length)) {
                break;
            }
            offset += RecordCodec.HEADER_BYTES + length;
        }
        return offset;
    }

    private Path segmentPath(long base) {
        return dir.resolve(String.format("%020d.log", base));
    }

    /** Makes a new segment's directory entry durable, where the platform allows opening a directory. */
    private void forceDirectory() throws IOException {
        try (var directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (java.nio.file.AccessDeniedException e) {
            // Windows cannot open a directory; its file system orders the entry itself.
        }
    }

    @Override
    public void close() {
        groups.close();
        closeChannels();
    }

    private void closeChannels() {
        for (FileChannel channel : segments.values()) {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("Could not close an event log segment: {}", e.toString());
            }
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not release the event log's lock: {}", e.toString());
        }
    }
}
