package io.tributary.projection;

import io.tributary.log.EventLog;
import io.tributary.log.LogPosition;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Read-your-writes: a GraphQL request, a REST read ({@code GET /api/...}) or a tag write sees every event acknowledged
 * before it started. It first waits, up to {@code tributary.projection.read-wait}, until the projector has passed the log's
 * committed position at its start, or the position the client sends in {@value #POSITION} (what a {@code 201} carried,
 * from this or another replica). Past the bound it answers with what is projected and says so: GraphQL in
 * {@code extensions.projection: {lagMs, complete: false}}, REST in the {@value #PROJECTION} header. {@value
 * #CONSISTENCY}{@code : eventual} skips the wait (dashboards). The wait is a {@link Mono}: no thread blocks. While the
 * graph is rebuilt from the log, nothing waits and every answer is marked incomplete ({@code rebuilding}).
 */
public final class ReadYourWrites implements WebFilter, WebGraphQlInterceptor, Ordered {

    /** The log position of an acknowledged ingest; sent back by a client to read it on any replica. */
    public static final String POSITION = "Tributary-Log-Position";

    /** {@code eventual}: answer from what is projected now. */
    public static final String CONSISTENCY = "Tributary-Consistency";

    /** On a REST answer that may miss acknowledged events: {@code incomplete; lagMs=N}. */
    public static final String PROJECTION = "Tributary-Projection";

    private final EventLog log;
    private final ProjectionProgress progress;
    private final ProjectionProperties settings;

    ReadYourWrites(EventLog log, ProjectionProgress progress, ProjectionProperties settings) {
        this.log = log;
        this.progress = progress;
        this.settings = settings;
    }

    /** Completes with whether the projection reached what this request must see (true when it opted out). */
    Mono<Boolean> awaitFor(HttpHeaders headers) {
        if (progress.rebuilding()) {
            // The graph is being rebuilt: no position is worth waiting for; the answer says it may be incomplete.
            return Mono.just(false);
        }
        String consistency = headers.getFirst(CONSISTENCY);
        if (consistency != null && consistency.trim().toLowerCase(Locale.ROOT).equals("eventual")) {
            return Mono.just(true);
        }
        return target(headers.getFirst(POSITION)).flatMap(position -> progress.await(position, settings.readWait()));
    }

    private Mono<LogPosition> target(String sent) {
        if (sent != null) {
            try {
                return Mono.just(new LogPosition(Long.parseLong(sent.trim())));
            } catch (IllegalArgumentException e) {
                // Not a position this service gave: wait for what is committed now, as without it.
            }
        }
        // The Neo4j log reads its head from the database: off the event loop.
        return Mono.fromCallable(log::committedPosition).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!answersWithTheGraph(request.getMethod(), request.getPath().value())) {
            return chain.filter(exchange);
        }
        return awaitFor(request.getHeaders()).flatMap(complete -> {
            if (!complete) {
                exchange.getResponse()
                        .getHeaders()
                        .set(
                                PROJECTION,
                                progress.rebuilding()
                                        ? "incomplete; rebuilding"
                                        : "incomplete; lagMs=" + progress.lag().toMillis());
            }
            return chain.filter(exchange);
        });
    }

    /**
     * REST reads, and tag writes: Marquez's tag endpoints answer with the tagged dataset or job as it now stands, which
     * must include the events acknowledged before (their facet tags) like any read.
     */
    private static boolean answersWithTheGraph(HttpMethod method, String path) {
        if (!path.startsWith("/api/") || path.startsWith(RebuildController.PATH)) {
            // The rebuild's state is the projector's own, read as it stands.
            return false;
        }
        return HttpMethod.GET.equals(method) || path.startsWith("/api/v1/tags/") || path.contains("/tags/");
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return awaitFor(request.getHeaders())
                .flatMap(complete -> chain.next(request).map(response -> complete ? response : incomplete(response)));
    }

    private WebGraphQlResponse incomplete(WebGraphQlResponse response) {
        var projection = new LinkedHashMap<String, Object>();
        projection.put("lagMs", progress.lag().toMillis());
        projection.put("complete", false);
        if (progress.rebuilding()) {
            projection.put("rebuilding", true);
        }
        var extensions = new LinkedHashMap<Object, Object>(response.getExtensions());
        extensions.put("projection", projection);
        return response.transform(builder -> builder.extensions(extensions));
    }

    /** After access checks: a refused request does not wait. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
