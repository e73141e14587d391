package io.tributary.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@link MalformedRequests}): every malformed request gets its exact 4xx as problem details,
 * writes nothing, and the service stays healthy.
 */
class BadInputCorpusTest extends EndToEndTest {

    private static final List<MalformedRequests.Case> CORPUS = MalformedRequests.all();
    private static final Map<Integer, Integer> outcomes = new java.util.concurrent.ConcurrentHashMap<>();

    static List<MalformedRequests.Case> corpus() {
        return CORPUS;
    }

    @BeforeAll
    static void corpusIsLargeEnough() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(200);
    }

    @AfterAll
    static void report() {
        System.out.printf("BAD INPUT CORPUS: %d malformed requests, statuses %s%n", CORPUS.size(), outcomes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedRequestGetsItsExact4xxWritesNothingAndTheServiceStaysUp(MalformedRequests.Case request) {
        var spec = web.post().uri("/api/v1/lineage").header("Authorization", "Bearer " + API_KEY);
        if (request.contentEncoding() != null) {
            spec = spec.header("Content-Encoding", request.contentEncoding());
        }
        var response = spec.header("Content-Type", request.contentType())
                .bodyValue(request.body())
                .exchange();

        problem(response, request.status());
        outcomes.merge(request.status(), 1, Integer::sum);
        assertThat(countNodes()).as("nodes written").isZero();
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void corpusCoversEveryCategory() {
        assertThat(CORPUS.stream().map(MalformedRequests.Case::status).distinct())
                .containsExactlyInAnyOrder(400, 413, 415);
    }
}
