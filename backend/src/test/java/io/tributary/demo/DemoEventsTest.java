package io.tributary.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.event.EventParser;
import io.tributary.event.LineageEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's events as ingest sees them, without a database: each valid, each its own, the same on every start. */
class DemoEventsTest {

    private final EventParser parser = new EventParser();

    @Test
    void everyDemoEventIsValidAndDistinctAndTheSameOnEveryStart() {
        List<String> events = DemoEvents.all();
        List<LineageEvent> parsed = events.stream()
                .map(e -> parser.parse(e.getBytes(StandardCharsets.UTF_8)))
                .toList();
        assertThat(parsed).extracting(LineageEvent::id).doesNotHaveDuplicates();
        assertThat(DemoEvents.all()).as("a second start sends the same events").isEqualTo(events);
    }

    @Test
    void eachReplayedDayOfTheDagIsARunOfItsOwn() {
        List<String> dagRuns = DemoEvents.all().stream()
                .map(e -> parser.parse(e.getBytes(StandardCharsets.UTF_8)))
                .filter(e -> "BQ".equals(e.job().name()) && "START".equals(e.eventType()))
                .map(e -> e.runId().toString())
                .toList();
        assertThat(dagRuns).hasSize(7).doesNotHaveDuplicates().contains("01936893-9751-7a91-a2a0-a51101a3970c");
    }
}
