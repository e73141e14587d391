package io.tributary.problem;

import io.tributary.event.Violation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details: the one problem-type base of every REST error, and the bodies for invalid events (with the
 * offending fields named) and for filters that answer before any handler runs.
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://tributary.dev/problems/";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** A problem whose type is named for its status ({@code not-found}, {@code unsupported-media-type}, ...). */
    public static ProblemDetail of(HttpStatus status, String detail) {
        return of(status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'), detail);
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        return problem;
    }

    public static ProblemDetail invalidEvent(List<Violation> violations) {
        String detail = violations.size() == 1
                ? describe(violations.getFirst())
                : violations.size() + " problems, first: " + describe(violations.getFirst());
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-event", detail);
        problem.setTitle("Invalid OpenLineage event");
        problem.setProperty("errors", errors(violations));
        return problem;
    }

    public static List<Map<String, String>> errors(List<Violation> violations) {
        return violations.stream()
                .map(v -> {
                    var error = new LinkedHashMap<String, String>();
                    error.put("pointer", v.pointer());
                    error.put("field", v.field());
                    error.put("detail", v.detail());
                    return (Map<String, String>) error;
                })
                .toList();
    }

    public static String describe(Violation v) {
        return v.field().isEmpty() ? v.detail() : v.field() + " " + v.detail();
    }

    /** For filters, which answer before any handler runs. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ProblemDetail problem = of(status, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
