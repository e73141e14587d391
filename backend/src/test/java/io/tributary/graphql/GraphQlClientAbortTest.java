package io.tributary.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A client that closes its connection while its query runs (a browser leaving a page, the UI dropping a superseded
 * request) ends the execution quietly: DEBUG, not an ERROR with a trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class GraphQlClientAbortTest extends EndToEndTest {

    private static final String CANCELLED = "GraphQL execution cancelled, the client closed the request";
    /** What Spring GraphQL logs at ERROR, with a trace, for a cancellation nothing resolves. */
    private static final String UNRESOLVED = "Unresolved AbortExecutionException";

    private static final String QUERY = "{\"query\":\"{ runs(first: 100) { edges { node { id facets jobFacets"
            + " inputs { dataset { name fields { name } } } outputs { dataset { name fields { name } } }"
            + " job { name sql { query } latestRun { id } } } } } }\"}";

    @Test
    void aQueryWhoseClientLeftIsLoggedAtDebugNotAsAnError(CapturedOutput output) throws Exception {
        postBatch(IntStream.rangeClosed(1, 9)
                        .mapToObj(i -> Fixtures.text("spark/compat-tests-cll/" + i + ".json"))
                        .collect(Collectors.joining(",", "[", "]")))
                .expectStatus()
                .is2xxSuccessful();
        var logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(GraphQlErrors.class.getName(), LogLevel.DEBUG);
        try {
            // Close the connection ever later into the execution until one close lands while fetchers still run
            // (logged one way or the other).
            for (int delayMs = 0;
                    delayMs < 2_000
                            && !output.getOut().contains(CANCELLED)
                            && !output.getOut().contains(UNRESOLVED);
                    delayMs += 5) {
                sendAndHangUp(delayMs);
            }
        } finally {
            logging.setLogLevel(GraphQlErrors.class.getName(), null);
        }

        assertThat(output.getOut()).doesNotContain(UNRESOLVED).doesNotContain(" ERROR ");
        assertThat(output.getOut()).as("an execution was cancelled mid-way").contains(CANCELLED);
    }

    /** Sends the query over a plain socket and closes it after {@code delayMs}, unanswered or not. */
    private void sendAndHangUp(int delayMs) throws IOException, InterruptedException {
        byte[] body = QUERY.getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Thread.sleep(delayMs);
            socket.setSoLinger(true, 0); // reset, as a browser tab closing
        }
        Thread.sleep(50); // let the server notice before the next attempt
    }
}
