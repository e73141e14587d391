package io.tributary.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.write.OverloadedException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/** The 500 and 503 problems say what the failed request left undone, as its controller names it. */
class RestErrorsTest {

    private final RestErrors errors = new RestErrors();

    @FailureDetail("The event was not stored")
    static class StoringController {
        public void store() {}
    }

    static class PlainController {
        public void read() {}
    }

    @Test
    void anUnavailableDatabaseIsA503WithRetryAfterInTheControllersWords() throws Exception {
        var answer =
                errors.unexpected(new OverloadedException("queue full"), exchange(new StoringController(), "store"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType().toString()).isEqualTo(Problems.TYPE_BASE + "unavailable");
        assertThat(answer.getBody().getDetail())
                .isEqualTo("The event was not stored: the database is unavailable or overloaded; retry later");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void duringAFloodOf503sOneLineIsLoggedPerIntervalWithTheCountInBetween(CapturedOutput output) throws Exception {
        var clock = new AtomicLong();
        var throttled = new RestErrors(clock::get, Duration.ofSeconds(10));
        var exchange = exchange(new StoringController(), "store");

        for (int i = 0; i < 50; i++) {
            assertThat(throttled
                            .unexpected(new OverloadedException("outage " + i), exchange)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        throttled.unexpected(new OverloadedException("outage 50"), exchange);

        assertThat(output.getOut().lines().filter(line -> line.contains("temporarily unavailable")))
                .hasSize(2)
                .satisfiesExactly(
                        first -> assertThat(first).contains("outage 0").doesNotContain("more 503s"),
                        next -> assertThat(next)
                                .contains("outage 50")
                                .contains("(49 more 503s since the last one logged)"));
    }

    @Test
    void anUnexpectedErrorIsA500WithoutInternals() throws Exception {
        var answer = errors.unexpected(
                new IllegalStateException("secret internals"), exchange(new PlainController(), "read"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getType().toString()).isEqualTo(Problems.TYPE_BASE + "internal");
        assertThat(answer.getBody().getDetail()).isEqualTo("The request failed: an internal error");
    }

    private static ServerWebExchange exchange(Object controller, String method) throws Exception {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/somewhere"));
        exchange.getAttributes()
                .put(
                        HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                        new HandlerMethod(controller, controller.getClass().getMethod(method)));
        return exchange;
    }
}
