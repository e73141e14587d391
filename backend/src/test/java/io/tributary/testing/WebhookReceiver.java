package io.tributary.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real HTTP webhook receiver on a free loopback port (the JDK's HTTP server): records every request and answers
 * 200, or the statuses queued with {@link #answerNext}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived: headers (lower-case names, first value) and body. */
    public record Request(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final List<Request> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> e.getKey().toLowerCase(java.util.Locale.ROOT),
                            e -> e.getValue().getFirst()));
            var request =
                    new Request(exchange.getRequestURI().getPath(), headers, new String(body, StandardCharsets.UTF_8));
            all.add(request);
            requests.add(request);
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL to give a rule; {@code path} is any path, such as a Slack-like token. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests are answered with these statuses, in order; then 200 again. */
    public void answerNext(int... statuses) {
        for (int s : statuses) {
            answers.add(s);
        }
    }

    /** The next request not yet taken, waiting up to {@code wait} (the delivery is asynchronous); fails on none. */
    public Request next(Duration wait) {
        try {
            Request r = requests.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("No webhook request arrived within " + wait);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a webhook request");
        }
    }

    /** Every request received so far. */
    public List<Request> received() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
