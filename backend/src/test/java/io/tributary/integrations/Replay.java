package io.tributary.integrations;

import io.tributary.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Recorded integration output made ingestible: each event gets the time given for it, then matchers are filled. */
final class Replay {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Replay() {}

    /**
     * The fixture files' events, the i-th at {@code times[i]} (the recordings' times are matchers or absent), with run
     * ids generated per job as {@link Fixtures#fill} does.
     */
    static Fixtures.Filled events(List<String> paths, List<String> times) {
        var timed = new ArrayList<String>();
        for (int i = 0; i < paths.size(); i++) {
            var event = (ObjectNode) JSON.readTree(Fixtures.text(paths.get(i)));
            event.put("eventTime", times.get(i));
            timed.add(event.toString());
        }
        return Fixtures.fill(timed);
    }
}
