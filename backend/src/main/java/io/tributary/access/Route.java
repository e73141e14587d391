package io.tributary.access;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * One entry of the {@link RouteTable}.
 *
 * @param methods the methods it answers; empty for every method
 * @param pattern the path it answers
 * @param webSocket whether it answers only WebSocket handshakes (any other route answers them too)
 * @param access what it asks of the caller
 * @param source where it comes from (a controller method, or the surface it protects), for messages and tests
 */
record Route(Set<HttpMethod> methods, PathPattern pattern, boolean webSocket, Access access, String source) {

    Route(Set<HttpMethod> methods, PathPattern pattern, Access access, String source) {
        this(methods, pattern, false, access, source);
    }

    boolean matches(HttpMethod method, PathContainer path, boolean webSocketHandshake) {
        if (webSocket && !webSocketHandshake) {
            return false;
        }
        boolean methodMatches = methods.isEmpty()
                || methods.contains(method)
                // As Spring's own mappings do, a GET route answers HEAD too.
                || (HttpMethod.HEAD.equals(method) && methods.contains(HttpMethod.GET));
        return methodMatches && pattern.matches(path);
    }

    @Override
    public String toString() {
        return (methods.isEmpty() ? "*" : methods) + " " + pattern + (webSocket ? " (WebSocket)" : "") + " " + access
                + " (" + source + ")";
    }
}
