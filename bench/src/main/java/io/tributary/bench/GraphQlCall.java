package io.tributary.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** One GraphQL request to the service under measure: its {@code data}, or a failure naming the answer. */
final class GraphQlCall {

    private GraphQlCall() {}

    static JsonNode data(HttpClient http, ObjectMapper json, URI graphql, String query, Map<String, Object> variables)
            throws Exception {
        String body = json.writeValueAsString(Map.of("query", query, "variables", variables));
        var request = HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode root = json.readTree(response.body());
        if (response.statusCode() != 200 || root.has("errors")) {
            throw new IllegalStateException("GraphQL failed: " + response.body());
        }
        return root.path("data");
    }
}
