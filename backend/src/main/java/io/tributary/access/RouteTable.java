package io.tributary.access;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every protected route and what it asks, in the order they are tried. The REST routes come from the controllers' own
 * mappings ({@link WriteAccess}, {@link PublicAccess}; unmarked, a {@code GET} route is a read and any other a write,
 * so a new endpoint is never left open by mistake), GraphQL's (and its GraphiQL page, public) and the actuator's from their
 * own settings. A WebSocket
 * handshake at GraphQL's WebSocket path has a route of its own, which only such a handshake takes. What no route names
 * is public: the static UI shell.
 */
@Component
class RouteTable {

    private static final PathPatternParser PATHS = PathPatternParser.defaultInstance;

    /** The REST API's root: an unmapped path under it is a read too, so that routes cannot be probed without a key. */
    private static final String API_ROOT = "/api";

    private final List<Route> routes;

    RouteTable(
            List<RequestMappingHandlerMapping> controllers,
            GraphQlProperties graphQl,
            ObjectProvider<PathMappedEndpoints> actuator) {
        var table = new ArrayList<Route>();
        controllers.stream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .flatMap(entry -> controllerRoutes(entry.getKey(), entry.getValue()).stream())
                .sorted(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR))
                .forEach(table::add);
        String webSocketPath = graphQl.getWebsocket().getPath();
        if (webSocketPath != null) {
            table.add(new Route(
                    Set.of(HttpMethod.GET),
                    PATHS.parse(webSocketPath),
                    true,
                    Access.CONNECTION,
                    "GraphQL over WebSocket"));
        }
        String graphQlPath = graphQl.getHttp().getPath();
        table.add(route(Set.of(HttpMethod.POST), graphQlPath, Access.OPERATION, "GraphQL over HTTP"));
        table.add(route(Set.of(), graphQlPath + "/**", Access.READ, "GraphQL over HTTP"));
        // The GraphiQL page is a page like the UI shell: it holds no data, and a browser cannot send a bearer key when
        // it
        // opens a page; it asks for the read key itself and sends it with its queries to GraphQL above.
        table.add(route(Set.of(HttpMethod.GET), graphQl.getGraphiql().getPath(), Access.PUBLIC, "GraphiQL page"));
        PathMappedEndpoints endpoints = actuator.getIfAvailable();
        if (endpoints != null) {
            publicEndpoint(table, endpoints, "health", "/**");
            publicEndpoint(table, endpoints, "info", "");
            table.add(route(Set.of(), endpoints.getBasePath() + "/**", Access.READ, "actuator"));
        }
        table.add(route(Set.of(), API_ROOT + "/**", Access.READ, "REST API root"));
        this.routes = List.copyOf(table);
    }

    /** What the request's route asks; public where no route names it. */
    Access accessOf(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        PathContainer path = request.getPath().pathWithinApplication();
        boolean webSocketHandshake = HttpMethod.GET.equals(method)
                && "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
        for (Route route : routes) {
            if (route.matches(method, path, webSocketHandshake)) {
                return route.access();
            }
        }
        return Access.PUBLIC;
    }

    List<Route> routes() {
        return routes;
    }

    private static List<Route> controllerRoutes(RequestMappingInfo mapping, HandlerMethod handler) {
        Set<HttpMethod> methods = mapping.getMethodsCondition().getMethods().stream()
                .map(RequestMethod::asHttpMethod)
                .collect(Collectors.toUnmodifiableSet());
        Access access = marked(handler, WriteAccess.class)
                ? Access.WRITE
                : marked(handler, PublicAccess.class) ? Access.PUBLIC : readsOnly(methods) ? Access.READ : Access.WRITE;
        String source = handler.getBeanType().getSimpleName() + "#"
                + handler.getMethod().getName();
        return mapping.getPatternsCondition().getPatterns().stream()
                .map(pattern -> new Route(methods, pattern, access, source))
                .toList();
    }

    static boolean marked(HandlerMethod handler, Class<? extends Annotation> mark) {
        return handler.hasMethodAnnotation(mark) || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), mark);
    }

    /** GET (and the HEAD that comes with it) only; a mapping without methods answers every method. */
    static boolean readsOnly(Set<HttpMethod> methods) {
        return !methods.isEmpty() && Set.of(HttpMethod.GET, HttpMethod.HEAD).containsAll(methods);
    }

    private static void publicEndpoint(List<Route> table, PathMappedEndpoints endpoints, String id, String below) {
        String path = endpoints.getPath(EndpointId.of(id));
        if (path != null) {
            table.add(route(Set.of(), path + below, Access.PUBLIC, "actuator " + id));
        }
    }

    private static Route route(Set<HttpMethod> methods, String path, Access access, String source) {
        return new Route(methods, PATHS.parse(path), access, source);
    }
}
