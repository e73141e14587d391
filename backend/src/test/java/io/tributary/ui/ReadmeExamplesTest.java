package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tributary.demo.DemoLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's examples, run as a reader would run them against the demo: every {@code curl} command (through bash
 * and the real curl, from the repository root), every GraphQL block (run in GraphiQL, where the README offers them)
 * and every link to the service (UI routes and GraphiQL opened in Chromium, cut off from every host but the service).
 * Each must answer something real: no GraphQL error, null or empty list, a 201 for the POST, CSV rows, a drawn graph
 * or table rows, GraphiQL's editor. An example that stops matching the demo fails here.
 */
@TestPropertySource(properties = "tributary.demo.enabled=true")
class ReadmeExamplesTest extends BrowserTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String README_SERVICE = "http://localhost:5000";
    private static final String README_KEY_FILE = "data-demo/api-key";
    /** The key of a service on its own store (./data), where the README's operations examples point. */
    private static final String README_SERVICE_KEY_FILE = "data/api-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRAPHIQL = "/graphiql";

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern LINK = Pattern.compile("<(" + Pattern.quote(README_SERVICE) + "[^>\\s]*)>|\\]\\(("
            + Pattern.quote(README_SERVICE) + "[^)\\s]*)\\)");

    @Autowired
    private DemoLoader demo;

    @TempDir
    private Path work;

    private GraphiQl graphiQl;

    /**
     * The graph as the demo leaves it, again before each test (the base class empties it), projected before the
     * examples read it: the demo's events are acknowledged once logged.
     */
    @BeforeEach
    @Override
    protected void emptyGraph() {
        super.emptyGraph();
        demo.load();
        awaitProjection();
    }

    @Test
    void everyExampleInTheReadmeAnswersSomethingRealFromTheDemo() throws Exception {
        List<Example> examples = examples(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8));
        assertThat(examples)
                .as("the README's examples: the POST, the impact CSV, GraphQL, a lineage link")
                .anyMatch(e -> e.kind() == Kind.CURL && e.text().contains("-X POST"))
                .anyMatch(e -> e.kind() == Kind.CURL && e.text().contains("/api/v1/impact.csv"))
                .anyMatch(e -> e.kind() == Kind.GRAPHQL)
                .anyMatch(e -> e.kind() == Kind.LINK && e.text().contains("#/lineage/"));
        for (Example example : examples) {
            switch (example.kind()) {
                case CURL -> curl(example.text());
                case GRAPHQL -> graphQl(example.text());
                case LINK -> link(example.text());
            }
        }
    }

    private void curl(String command) throws IOException, InterruptedException {
        Path key = work.resolve("api-key");
        Files.writeString(key, API_KEY + "\n");
        Path body = work.resolve("body");
        Path headers = work.resolve("headers");
        // The README's command as it is, with curl told to keep the status, headers and body for the checks below.
        // A subscription over Server-Sent Events never ends by itself: it is cut after 5 s, well before the first
        // keep-alive (spring.graphql.http.sse.keep-alive, 15 s), so what it received came at once
        // (live/SseOpensAtOnce).
        boolean stream = command.contains("text/event-stream");
        String limit = stream ? " --max-time 5" : "";
        String script = "curl() { command curl -sS" + limit
                + " -o \"$BODY\" -D \"$HEADERS\" -w '%{http_code}' \"$@\"; }\n"
                + command.replace(README_SERVICE, "http://127.0.0.1:" + port)
                        .replace(README_KEY_FILE, key.toString())
                        .replace(README_SERVICE_KEY_FILE, key.toString());
        var process = new ProcessBuilder("bash", "-c", script)
                .directory(ROOT.toFile())
                .redirectErrorStream(true);
        process.environment().putAll(Map.of("BODY", body.toString(), "HEADERS", headers.toString()));
        Process started = process.start();
        String status = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = started.waitFor();
        if (stream) {
            // 28: curl's "operation timed out", the only way a subscription that saw no event ends
            assertThat(exit).as("exit status of %s (%s)", command, status).isIn(0, 28);
            String received = Files.readString(headers).toLowerCase();
            assertThat(received)
                    .as("headers of %s", command)
                    .startsWith("http/1.1 200")
                    .contains("content-type: text/event-stream");
            assertThat(Files.readString(body))
                    .as("events of %s", command)
                    .startsWith(": subscribed")
                    .doesNotContain("\"errors\"");
            return;
        }
        assertThat(exit).as("exit status of %s (%s)", command, status).isZero();
        String answer = Files.readString(body);
        if (command.contains("-X POST") && command.contains("/api/v1/lineage")) {
            assertThat(status).as("%s answered %s", command, answer).isEqualTo("201");
        } else if (command.contains("/api/v1/impact.csv")) {
            assertThat(status).as("%s answered %s", command, answer).isEqualTo("200");
            assertThat(Files.readString(headers).toLowerCase()).contains("content-type: text/csv");
            List<String> lines = answer.lines().toList();
            assertThat(lines.getFirst()).isEqualTo("kind,namespace,name,field,distance,owners");
            assertThat(lines).as("rows of %s", command).hasSizeGreaterThan(1);
        } else if (command.contains("/api/v1/admin/rebuild")) {
            if (command.contains("-X POST")) {
                assertThat(status).as("%s answered %s", command, answer).isEqualTo("202");
                assertThat(answer).contains("\"phase\":\"REQUESTED\"");
                // The examples after this one read the graph: they wait until it is whole again.
                Awaitility.await().atMost(Duration.ofMinutes(3)).until(this::rebuildPhase, "DONE"::equals);
            } else {
                assertThat(status).as("%s answered %s", command, answer).isEqualTo("200");
                assertThat(answer).contains("\"phase\":\"DONE\"");
            }
        } else {
            fail("The README runs a curl command this test has no check for; add one: " + command);
        }
    }

    private String rebuildPhase() {
        return web.get()
                .uri("/api/v1/admin/rebuild")
                .header("Authorization", "Bearer " + API_KEY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("phase")
                .asString();
    }

    private void graphQl(String query) {
        if (!page.url().endsWith(GRAPHIQL)) {
            graphiQl().open();
        }
        String body = graphiQl().answer(query);
        JsonNode answer = JSON.readTree(body);
        assertThat(answer.path("errors").isMissingNode())
                .as("errors of %s: %s", query, body)
                .isTrue();
        assertThat(emptyParts(answer.path("data"), "data"))
                .as("nulls and empty lists in the answer to %s: %s", query, body)
                .isEmpty();
    }

    /** Where the answer shows nothing: null values, empty lists and objects (an example must show something). */
    private static List<String> emptyParts(JsonNode node, String path) {
        var empty = new ArrayList<String>();
        if (node.isNull() || node.isMissingNode() || (node.isContainer() && node.isEmpty())) {
            empty.add(path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                empty.addAll(emptyParts(node.get(i), path + "[" + i + "]"));
            }
        } else if (node.isObject()) {
            node.properties().forEach(p -> empty.addAll(emptyParts(p.getValue(), path + "." + p.getKey())));
        }
        return empty;
    }

    private void link(String url) throws IOException, InterruptedException {
        String target = url.substring(README_SERVICE.length());
        int hash = target.indexOf('#');
        if (target.equals(GRAPHIQL)) {
            graphiQl().open();
            assertThat(graphiQl().outsideRequests())
                    .as("requests to other hosts")
                    .isEmpty();
            screenshot("ReadmeExamplesTest-graphiql");
            return;
        }
        if (hash < 0) {
            // Followed as a browser follows it.
            var response = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("status of %s", url).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type"))
                    .as("type of %s", url)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            return;
        }
        assertThat(target.substring(0, hash)).as("path of %s", url).isEqualTo("/");
        String route = target.substring(hash);
        open(route);
        if (route.startsWith("#/lineage/")) {
            var graph = readyGraph("lineage-graph");
            assertThat(Integer.parseInt(graph.getAttribute("data-nodes")))
                    .as("nodes drawn for %s", url)
                    .isGreaterThan(1);
            String start = route.substring("#/lineage/".length()).replaceFirst("\\?.*", "");
            assertThat(drawnNodeIds()).contains(start);
        } else if (route.startsWith("#/columns/")) {
            readyGraph("column-graph");
            assertThat(byId("column-edges").locator("tbody tr").first()).isVisible();
        } else if (route.startsWith("#/issues")) {
            for (String kind : List.of("issues-job-execution", "issues-job-duration", "issues-data-quality")) {
                assertThat(byId(kind).locator("tbody tr").first()).isVisible();
            }
        } else if (route.startsWith("#/runs")) {
            assertThat(byId("runs-table").locator("tbody tr").first()).isVisible();
        } else {
            fail("The README links a page this test has no check for; add one: " + url);
        }
        screenshot("ReadmeExamplesTest-" + route.replaceAll("[^A-Za-z0-9]+", "-"));
    }

    /** The tab's GraphiQL, cut off from every host but the service from the first use on. */
    private GraphiQl graphiQl() {
        if (graphiQl == null) {
            graphiQl = GraphiQl.offline(page, port);
        }
        return graphiQl;
    }

    private enum Kind {
        CURL,
        GRAPHQL,
        LINK
    }

    private record Example(int offset, Kind kind, String text) {}

    /** The README's examples in the order a reader meets them (an event is posted before it is asked for). */
    private static List<Example> examples(String readme) {
        var examples = new ArrayList<Example>();
        Matcher fence = FENCE.matcher(readme);
        while (fence.find()) {
            if (fence.group(1).equals("graphql")) {
                examples.add(new Example(fence.start(), Kind.GRAPHQL, fence.group(2)));
            } else if (fence.group(1).equals("bash")) {
                // One command per line once continuation lines are joined; comments after a command stay with it.
                for (String command : fence.group(2).replace("\\\n", " ").split("\n")) {
                    if (command.strip().startsWith("curl ")) {
                        examples.add(new Example(fence.start(), Kind.CURL, command.strip()));
                    }
                }
            }
        }
        Matcher link = LINK.matcher(readme);
        while (link.find()) {
            examples.add(new Example(link.start(), Kind.LINK, link.group(1) != null ? link.group(1) : link.group(2)));
        }
        examples.sort(Comparator.comparingInt(Example::offset));
        return examples;
    }
}
