package io.tributary.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * The route table is built from the controllers' own mappings: every route that is not a plain GET is marked, every
 * write route refuses a request without a key, and the other surfaces (GraphQL, actuator, the UI shell) get their
 * rules.
 */
class RouteTableTest extends EndToEndTest {

    @Autowired
    private List<RequestMappingHandlerMapping> controllers;

    @Autowired
    private RouteTable table;

    @Autowired
    private GraphQlProperties graphQl;

    @Test
    void everyRouteThatIsNotAPlainGetIsMarkedForWriteOrPublicAccess() {
        assertThat(unmarkedRoutesThatMayChangeSomething(controllers))
                .as("mark these handlers @WriteAccess (or, if they change nothing and reveal nothing, @PublicAccess)")
                .isEmpty();
    }

    @Test
    void theGuardFindsAnUnmarkedPostAndTheTableStillAsksItForTheWriteKey() {
        var context = new StaticApplicationContext();
        context.registerSingleton("unmarked", UnmarkedController.class);
        context.refresh();
        var mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();

        assertThat(unmarkedRoutesThatMayChangeSomething(List.of(mapping))).containsExactly("UnmarkedController#create");
        var table = new RouteTable(List.of(mapping), graphQl, context.getBeanProvider(PathMappedEndpoints.class));
        assertThat(table.accessOf(MockServerHttpRequest.post("/api/v1/things").build()))
                .isEqualTo(Access.WRITE);
        assertThat(table.accessOf(MockServerHttpRequest.get("/api/v1/things").build()))
                .isEqualTo(Access.READ);
    }

    @Test
    void theWriteRoutesAreTheIngestImportDeleteTagAndRebuildEndpoints() {
        assertThat(table.routes().stream()
                        .filter(r -> r.access() == Access.WRITE)
                        .map(r -> r.methods() + " " + r.pattern()))
                .containsExactlyInAnyOrder(
                        "[POST] /api/v1/lineage",
                        "[POST] /api/v1/lineage/batch",
                        "[POST] /api/v1/import",
                        "[DELETE] /api/v1/namespaces/{namespace}/datasets/{name}",
                        "[DELETE] /api/v1/namespaces/{namespace}/jobs/{name}",
                        "[PUT] /api/v1/tags/{tag}",
                        "[POST] /api/v1/namespaces/{namespace}/datasets/{dataset}/tags/{tag}",
                        "[DELETE] /api/v1/namespaces/{namespace}/datasets/{dataset}/tags/{tag}",
                        "[POST] /api/v1/namespaces/{namespace}/datasets/{dataset}/fields/{field}/tags/{tag}",
                        "[DELETE] /api/v1/namespaces/{namespace}/datasets/{dataset}/fields/{field}/tags/{tag}",
                        "[POST] /api/v1/namespaces/{namespace}/jobs/{job}/tags/{tag}",
                        "[DELETE] /api/v1/namespaces/{namespace}/jobs/{job}/tags/{tag}",
                        // The rebuild is an operator's act; its state is the projector's, not the graph's.
                        "[POST] /api/v1/admin/rebuild",
                        "[GET] /api/v1/admin/rebuild");
    }

    @Test
    void everyWriteRouteRefusesARequestWithoutAKeyBeforeItsHandlerRuns() {
        List<Route> writes =
                table.routes().stream().filter(r -> r.access() == Access.WRITE).toList();
        assertThat(writes).isNotEmpty();
        for (Route route : writes) {
            String path = route.pattern().getPatternString().replaceAll("\\{[^}]+}", "x");
            for (HttpMethod method : route.methods()) {
                var response = web.method(method).uri(path).bodyValue("{}").exchange();

                response.expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"tributary\"");
                assertThat(problem(response, 401))
                        .as(route.toString())
                        .containsEntry("type", "https://tributary.dev/problems/unauthorized")
                        .containsEntry("instance", path);
            }
        }
        assertThat(countNodes()).isZero();
    }

    @Test
    void theOtherSurfacesGetTheirOwnRules() {
        assertThat(Map.of(
                        "GET /api/v1/impact.csv", access(HttpMethod.GET, "/api/v1/impact.csv"),
                        "HEAD /api/v1/export", access(HttpMethod.HEAD, "/api/v1/export"),
                        "GET /api/v1/nowhere", access(HttpMethod.GET, "/api/v1/nowhere"),
                        "POST /graphql", access(HttpMethod.POST, "/graphql"),
                        "GET /graphql", access(HttpMethod.GET, "/graphql"),
                        "GET /graphiql", access(HttpMethod.GET, "/graphiql"),
                        "GET /actuator/health/liveness", access(HttpMethod.GET, "/actuator/health/liveness"),
                        "GET /actuator/info", access(HttpMethod.GET, "/actuator/info"),
                        "GET /actuator/prometheus", access(HttpMethod.GET, "/actuator/prometheus"),
                        "GET /js/app.js", access(HttpMethod.GET, "/js/app.js")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "GET /api/v1/impact.csv", Access.READ,
                        "HEAD /api/v1/export", Access.READ,
                        "GET /api/v1/nowhere", Access.READ,
                        "POST /graphql", Access.OPERATION,
                        "GET /graphql", Access.READ,
                        "GET /graphiql", Access.PUBLIC,
                        "GET /actuator/health/liveness", Access.PUBLIC,
                        "GET /actuator/info", Access.PUBLIC,
                        "GET /actuator/prometheus", Access.READ,
                        "GET /js/app.js", Access.PUBLIC));
    }

    @Test
    void aWebSocketHandshakeAtGraphQlPassesSoThatItsConnectionInitIsJudged() {
        var handshake = MockServerHttpRequest.get("/graphql")
                .header(HttpHeaders.CONNECTION, "Upgrade")
                .header(HttpHeaders.UPGRADE, "websocket")
                .build();
        var handshakeElsewhere = MockServerHttpRequest.get("/api/v1/export")
                .header(HttpHeaders.CONNECTION, "Upgrade")
                .header(HttpHeaders.UPGRADE, "websocket")
                .build();

        assertThat(table.accessOf(handshake)).isEqualTo(Access.CONNECTION);
        assertThat(table.accessOf(handshakeElsewhere)).isEqualTo(Access.READ);
        assertThat(access(HttpMethod.GET, "/graphql")).isEqualTo(Access.READ);
    }

    private Access access(HttpMethod method, String path) {
        return table.accessOf(MockServerHttpRequest.method(method, path).build());
    }

    /** Handlers answering more than GET that carry neither mark, as {@code Controller#method}. */
    private static List<String> unmarkedRoutesThatMayChangeSomething(List<RequestMappingHandlerMapping> mappings) {
        return mappings.stream()
                .flatMap(m -> m.getHandlerMethods().entrySet().stream())
                .filter(e -> !RouteTable.readsOnly(e.getKey().getMethodsCondition().getMethods().stream()
                        .map(RequestMethod::asHttpMethod)
                        .collect(Collectors.toSet())))
                .map(Map.Entry::getValue)
                .filter(h -> !RouteTable.marked(h, WriteAccess.class) && !RouteTable.marked(h, PublicAccess.class))
                .map(h -> h.getBeanType().getSimpleName() + "#" + h.getMethod().getName())
                .sorted()
                .toList();
    }

    /** A controller as a future endpoint might be written, unmarked. */
    @RestController
    static class UnmarkedController {

        @GetMapping("/api/v1/things")
        String list() {
            return "[]";
        }

        @PostMapping("/api/v1/things")
        String create() {
            return "{}";
        }
    }
}
