package io.tributary.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.log.EventLogException;
import io.tributary.write.OverloadedException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/** What passes with time is told apart from what a client must fix or an internal error. */
class RetryLaterTest {

    @Test
    void theDatabaseAwayOrOverloadedAndAFullQueueOrLogPass() {
        assertThat(RetryLater.is(new ServiceUnavailableException("refused"))).isTrue();
        assertThat(RetryLater.is(new SessionExpiredException("leader switched")))
                .isTrue();
        assertThat(RetryLater.is(new TransientException("Neo.TransientError.General.OutOfMemoryError", "busy")))
                .isTrue();
        assertThat(RetryLater.is(new TimeoutException("commit"))).isTrue();
        assertThat(RetryLater.is(new OverloadedException("queue full"))).isTrue();
        assertThat(RetryLater.is(new EventLogException("log full"))).isTrue();
    }

    @Test
    void badInputAndBugsDoNotPass() {
        assertThat(RetryLater.is(new ClientException("Neo.ClientError.Statement.SyntaxError", "bad")))
                .isFalse();
        assertThat(RetryLater.is(new IllegalArgumentException("depth"))).isFalse();
        assertThat(RetryLater.is(new NullPointerException())).isFalse();
    }
}
