package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphiQL at {@code /graphiql} as a user drives it, in a browser cut off from everything but the service: every
 * request to another host is aborted as if the machine had no internet, and recorded.
 */
final class GraphiQl {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Page page;
    private final int port;
    private final List<String> outsideRequests = new CopyOnWriteArrayList<>();

    private GraphiQl(Page page, int port) {
        this.page = page;
        this.port = port;
    }

    static GraphiQl offline(Page page, int port) {
        var graphiQl = new GraphiQl(page, port);
        page.context().route(url -> true, route -> {
            URI url = URI.create(route.request().url());
            if ("127.0.0.1".equals(url.getHost()) && url.getPort() == port) {
                route.resume();
            } else {
                graphiQl.outsideRequests.add(route.request().url());
                route.abort("internetdisconnected");
            }
        });
        return graphiQl;
    }

    /** Opens the page and waits until GraphiQL has drawn its query editor. */
    void open() {
        page.navigate("http://127.0.0.1:" + port + "/graphiql");
        assertThat(queryEditor()).isVisible();
    }

    /** Replaces the query in the editor and runs it with the execute button. */
    void run(String query) {
        page.evaluate(
                "q => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q)", query);
        page.locator(".graphiql-execute-button").click();
    }

    /**
     * Runs the query as {@link #run} does and returns the answer the service sent for it, once the response pane shows
     * that answer (as JSON: GraphiQL pretty-prints it).
     */
    String answer(String query) {
        Response response = page.waitForResponse(
                r -> r.url().endsWith("/graphql") && query.equals(sentQuery(r.request())), () -> run(query));
        String answer = response.text();
        page.waitForFunction("""
                answer => {
                  const shown = document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue();
                  try {
                    return JSON.stringify(JSON.parse(shown)) === JSON.stringify(JSON.parse(answer));
                  } catch (notJsonYet) {
                    return false;
                  }
                }""", answer);
        return answer;
    }

    /** The response pane. */
    Locator result() {
        return page.locator(".result-window");
    }

    /** Every request the page tried to send anywhere but the service. */
    List<String> outsideRequests() {
        return List.copyOf(outsideRequests);
    }

    private static String sentQuery(Request request) {
        String body = request.postData();
        if (body == null) {
            return null;
        }
        JsonNode query = JSON.readTree(body).path("query");
        return query.isString() ? query.asString() : null;
    }

    private Locator queryEditor() {
        return page.locator(".graphiql-query-editor .CodeMirror");
    }
}
