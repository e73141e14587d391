package io.tributary.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Hot methods of the service from its JFR recording: top frames of execution samples (what `jfr print` lists). */
final class Profile {

    record Hot(String method, long samples, double percent) {}

    private Profile() {}

    static List<Hot> hotMethods(Path recording, int top, String threadPrefix) throws Exception {
        return hotMethods(recording, top, threadPrefix, "jdk.ExecutionSample");
    }

    /** As above for samples of {@code eventType}, e.g. {@code jdk.NativeMethodSample} (threads in native code). */
    static List<Hot> hotMethods(Path recording, int top, String threadPrefix, String eventType) throws Exception {
        var counts = new HashMap<String, Long>();
        long total = 0;
        try (var file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                var event = file.readEvent();
                if (!event.getEventType().getName().equals(eventType) || event.getStackTrace() == null) {
                    continue;
                }
                var thread = event.getThread("sampledThread");
                if (threadPrefix != null
                        && (thread == null
                                || thread.getJavaName() == null
                                || !thread.getJavaName().startsWith(threadPrefix))) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                var m = frames.getFirst().getMethod();
                counts.merge(m.getType().getName() + "." + m.getName(), 1L, Long::sum);
                total++;
            }
        }
        long all = total;
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(e -> new Hot(e.getKey(), e.getValue(), 100.0 * e.getValue() / all))
                .toList();
    }
}
