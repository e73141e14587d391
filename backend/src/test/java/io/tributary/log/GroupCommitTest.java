package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The group writer's answer to a store that is gone: one commit attempt finds it unreachable, and the appends that
 * follow within the backoff are refused at once instead of each waiting out the store's timeouts.
 */
class GroupCommitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** A store that is unreachable for its first {@code failures} commits, then takes every group. */
    private static final class Store implements GroupCommit.Writer<String> {
        private final int failures;
        private final AtomicInteger commits = new AtomicInteger();
        private final RuntimeException failure;

        Store(int failures, RuntimeException failure) {
            this.failures = failures;
            this.failure = failure;
        }

        @Override
        public List<LogPosition> write(List<String> group) {
            if (commits.incrementAndGet() <= failures) {
                throw failure;
            }
            var positions = new ArrayList<LogPosition>();
            for (int i = 0; i < group.size(); i++) {
                positions.add(new LogPosition(commits.get() * 1_000L + i));
            }
            return positions;
        }
    }

    private GroupCommit<String> groups(Store store, Duration backoff) {
        return new GroupCommit<>("test", store, 100, 1 << 20, 100, backoff, meters);
    }

    private static CompletableFuture<LogPosition> append(GroupCommit<String> groups, String payload) {
        return groups.submit(payload, 1, 10);
    }

    @Test
    void appendsAfterACommitFoundTheStoreUnreachableAreRefusedAtOnceWithoutTryingItAgain() {
        var store = new Store(1, new EventLogUnavailableException("connection refused"));
        try (var groups = groups(store, Duration.ofMinutes(10))) {
            assertThatThrownBy(() -> append(groups, "first").join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(EventLogUnavailableException.class);

            var refused = new ArrayList<CompletableFuture<LogPosition>>();
            for (int i = 0; i < 5; i++) {
                refused.add(append(groups, "during the outage " + i));
            }
            assertThat(refused)
                    .allSatisfy(append -> assertThat(append)
                            .as("answered without waiting for the writer")
                            .isCompletedExceptionally()
                            .failsWithin(Duration.ZERO)
                            .withThrowableThat()
                            .havingCause()
                            .isInstanceOf(EventLogUnavailableException.class)
                            .withMessageContaining("connection refused"));
            assertThat(store.commits).as("commit attempts").hasValue(1);
            assertThat(meters.get("tributary.log.refused.events").counter().count())
                    .isEqualTo(5);
        }
    }

    @Test
    void theFirstAppendAfterTheBackoffTriesTheStoreAgainAndAppendsRecover() {
        var store = new Store(1, new EventLogUnavailableException("connection refused"));
        try (var groups = groups(store, Duration.ZERO)) {
            assertThatThrownBy(() -> append(groups, "first").join())
                    .hasCauseInstanceOf(EventLogUnavailableException.class);

            assertThat(append(groups, "after the backoff").join()).isEqualTo(new LogPosition(2_000));
            assertThat(append(groups, "and on").join()).isEqualTo(new LogPosition(3_000));
            assertThat(store.commits).hasValue(3);
            assertThat(meters.get("tributary.log.refused.events").counter().count())
                    .isZero();
        }
    }

    @Test
    void anyOtherCommitFailureFailsOnlyItsOwnGroup() {
        var store = new Store(1, new IllegalStateException("a constraint was violated"));
        try (var groups = groups(store, Duration.ofMinutes(10))) {
            assertThatThrownBy(() -> append(groups, "first").join())
                    .hasCauseInstanceOf(EventLogException.class)
                    .cause()
                    .isNotInstanceOf(EventLogUnavailableException.class)
                    .hasMessageContaining("a constraint was violated");

            assertThat(append(groups, "next").join()).isEqualTo(new LogPosition(2_000));
            assertThat(store.commits).hasValue(2);
        }
    }
}
