package io.tributary.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.event.EventParser;
import io.tributary.log.EventLog;
import io.tributary.log.EventRecord;
import io.tributary.log.EventSource;
import io.tributary.log.LogPosition;
import io.tributary.log.LoggedEvent;
import io.tributary.projection.ProjectorLease.LeaseLostException;
import io.tributary.projection.ProjectorLease.Outcome;
import io.tributary.store.GraphStore;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.write.CommittedEvents;
import io.tributary.write.GraphChanges;
import io.tributary.write.GraphWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The projector's lease on the real embedded database with the Neo4j log, as two replicas would hold it: two
 * projectors with their own holder names over one database (the service's own projector is stopped). Windows are
 * committed through the projector's own transaction, fence included.
 */
@TestPropertySource(properties = "tributary.log.mode=neo4j")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProjectorLeaseTest extends EndToEndTest {

    private static final Duration SHORT_TERM = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Projector serviceProjector;

    @Autowired
    EventLog log;

    @Autowired
    GraphStore store;

    @Autowired
    GraphWriter writer;

    @Autowired
    EventParser parser;

    @Autowired
    CommittedEvents committed;

    @BeforeEach
    void twoReplicasOnly() {
        serviceProjector.stop();
        // The service's projector may have claimed the lease (and recorded a position) after the graph was emptied.
        emptyGraph();
    }

    @Test
    void aHolderWhoseLeaseExpiredAndWasTakenCannotCommitAWindow() {
        var a = replica("replica-a", SHORT_TERM);
        var b = replica("replica-b", SHORT_TERM);
        List<LoggedEvent> window = logged(1);

        assertThat(a.lease().claim().outcome()).isEqualTo(Outcome.TAKEN);
        var refused = b.lease().claim();
        assertThat(refused.outcome()).as("taken while a holds it").isEqualTo(Outcome.HELD);
        assertThat(refused.holder()).isEqualTo("replica-a");
        long tokenOfA = a.lease().token();

        // a pauses (a GC, a stopped VM) past its term; b takes over once the database's clock says it expired.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> b.lease().claim().outcome() == Outcome.TAKEN);
        assertThat(b.lease().token()).isGreaterThan(tokenOfA);

        // a wakes up and commits the window it had read: refused, and nothing of it is written.
        assertThatThrownBy(() -> a.commit(window)).isInstanceOf(LeaseLostException.class);
        assertThat(runsOf(window)).isZero();
        assertThat(recordedPosition()).isEqualTo(0L);

        b.commit(window);
        assertThat(runsOf(window)).isEqualTo(1L);
        assertThat(recordedPosition()).isEqualTo(window.getLast().position().value());
        assertThat(a.lease().claim().outcome()).as("b renewed it in its window").isEqualTo(Outcome.HELD);
    }

    @Test
    void aHolderWhoseLeaseExpiredUntakenRenewsItWithTheSameTokenBeforeItsNextWindow() {
        var a = replica("replica-a", SHORT_TERM);
        List<LoggedEvent> window = logged(2);
        assertThat(a.lease().claim().outcome()).isEqualTo(Outcome.TAKEN);
        long token = a.lease().token();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> a.lease().state().remainingMs() <= 0);

        assertThatThrownBy(() -> a.commit(window)).isInstanceOf(LeaseLostException.class);
        assertThat(runsOf(window)).isZero();

        var renewed = a.lease().claim();
        assertThat(renewed.outcome()).isEqualTo(Outcome.RENEWED);
        assertThat(renewed.token()).as("nobody held it in between").isEqualTo(token);
        a.commit(window);
        assertThat(runsOf(window)).isEqualTo(1L);
    }

    @Test
    void aRenewalOrAWindowNeverMovesTheExpiryBack() {
        var a = replica("replica-a", SHORT_TERM);
        var claim = a.lease().claim(Duration.ofMinutes(10));
        assertThat(claim.outcome()).isEqualTo(Outcome.TAKEN);

        var shorter = a.lease().claim(SHORT_TERM);
        assertThat(shorter.outcome()).isEqualTo(Outcome.RENEWED);
        assertThat(shorter.remainingMs())
                .as("the ten-minute term still runs")
                .isGreaterThan(Duration.ofMinutes(5).toMillis());

        a.commit(logged(3)); // fences with its one-second term
        assertThat(a.lease().state().remainingMs())
                .isGreaterThan(Duration.ofMinutes(5).toMillis());
        assertThat(replica("replica-b", SHORT_TERM).lease().claim().outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    void aStoppedProjectorHandsItsLeaseBackSoAnotherTakesOverAtOnce() {
        var a = replica("replica-a", Duration.ofMinutes(10));
        assertThat(a.lease().claim().outcome()).isEqualTo(Outcome.TAKEN);
        var b = replica("replica-b", Duration.ofMinutes(10));
        assertThat(b.lease().claim().outcome()).isEqualTo(Outcome.HELD);

        a.lease().release();

        assertThat(b.lease().claim().outcome()).isEqualTo(Outcome.TAKEN);
        // A release by an ex-holder changes nothing.
        a.lease().release();
        assertThat(a.lease().claim().outcome()).isEqualTo(Outcome.HELD);
    }

    /** A projector of its own, as another replica's would be; never started (its windows are committed by hand). */
    private Projector replica(String holder, Duration term) {
        var settings = new ProjectionProperties(
                2_000,
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                term,
                5_000,
                10_000);
        return new Projector(
                log,
                store,
                writer,
                parser,
                committed,
                new GraphChanges(),
                new ProjectionProgress(),
                settings,
                new SimpleMeterRegistry(),
                holder);
    }

    /** Appends one real event with a run of its own and reads it back as a window. */
    private List<LoggedEvent> logged(int n) {
        var event = (ObjectNode) JSON.readTree(Fixtures.text("spark/compat-tests-cll/3.json"));
        ((ObjectNode) event.get("run"))
                .put(
                        "runId",
                        UUID.nameUUIDFromBytes(("lease-test-" + n).getBytes(StandardCharsets.UTF_8))
                                .toString());
        var record = EventRecord.of(
                parser.parse(event.toString().getBytes(StandardCharsets.UTF_8)), EventSource.HTTP, Instant.now());
        LogPosition before = log.committedPosition();
        log.append(List.of(record)).join();
        return log.read(before, 10);
    }

    private long runsOf(List<LoggedEvent> window) {
        return (Long) single(
                "MATCH (r:Run {runId: $id}) RETURN count(r) AS n",
                Map.of("id", window.getFirst().record().summary().runId()));
    }

    private Object recordedPosition() {
        return single("OPTIONAL MATCH (p:ProjectionPosition {log: 'neo4j'}) RETURN coalesce(p.position, 0) AS n");
    }
}
