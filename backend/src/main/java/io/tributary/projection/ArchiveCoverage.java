package io.tributary.projection;

import io.tributary.log.EventLog;
import io.tributary.log.LogPosition;
import io.tributary.log.LoggedEvent;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Which archived events the file log does not hold. A rebuild replays only the log, so an event archived without it
 * (ingested while the store ran with {@code tributary.log.mode=none}, as every store did before the log was the
 * default) would silently leave the graph. Event ids are content hashes: each is kept as its first 64 bits, sorted,
 * so a log of a million events takes 8 MB here, and the archive is read page by page in id order.
 */
final class ArchiveCoverage {

    static final int PAGE = 10_000;

    private ArchiveCoverage() {}

    /**
     * @param archivedPage the archive's ids after the given id (empty string: from the first), at most the given
     *     number, in id order
     * @return how many archived events are not in the log
     */
    static long notInLog(EventLog log, BiFunction<String, Integer, List<String>> archivedPage) {
        long[] logged = loggedIds(log);
        long missing = 0;
        String after = "";
        List<String> page;
        do {
            page = archivedPage.apply(after, PAGE);
            for (String id : page) {
                if (Arrays.binarySearch(logged, key(id)) < 0) {
                    missing++;
                }
            }
            if (!page.isEmpty()) {
                after = page.getLast();
            }
        } while (page.size() == PAGE);
        return missing;
    }

    private static long[] loggedIds(EventLog log) {
        long[] ids = new long[1024];
        int count = 0;
        LogPosition from = LogPosition.START;
        List<LoggedEvent> read;
        while (!(read = log.read(from, PAGE)).isEmpty()) {
            for (LoggedEvent event : read) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = key(event.record().id());
            }
            from = read.getLast().position();
        }
        ids = Arrays.copyOf(ids, count);
        Arrays.sort(ids);
        return ids;
    }

    /** The first 64 bits of a hex content hash; any other id hashed to 64 bits. */
    private static long key(String id) {
        if (id.length() >= 16) {
            try {
                return Long.parseUnsignedLong(id, 0, 16, 16);
            } catch (NumberFormatException notHex) {
                // below
            }
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }
}
