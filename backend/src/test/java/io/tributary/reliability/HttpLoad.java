package io.tributary.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Clients posting generated events, one thread each, remembering which events got a 201 and what else came back. */
final class HttpLoad {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI lineage;
    private final String apiKey;
    private final GeneratedEvents events = new GeneratedEvents();

    final ConcurrentLinkedQueue<Map<String, Object>> acknowledged = new ConcurrentLinkedQueue<>();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicInteger connectionErrors = new AtomicInteger();

    HttpLoad(URI base, String apiKey) {
        this.lineage = base.resolve("/api/v1/lineage");
        this.apiKey = apiKey;
    }

    /** Posts one generated event; true if the service answered at all. */
    boolean postOne() {
        GeneratedEvents.Generated event = events.next();
        var request = HttpRequest.newBuilder(lineage)
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.json()))
                .build();
        try {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status == 201) {
                acknowledged.add(event.expected());
            }
            return true;
        } catch (IOException e) {
            connectionErrors.incrementAndGet();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts {@code clients} threads, each posting until {@code keepGoing} says stop or the service stops answering. */
    List<Thread> start(int clients, java.util.function.BooleanSupplier keepGoing, boolean stopOnConnectionError) {
        return java.util.stream.IntStream.range(0, clients)
                .mapToObj(i -> Thread.ofPlatform().name("load-client-" + i).start(() -> {
                    while (keepGoing.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                        if (!postOne() && stopOnConnectionError) {
                            return;
                        }
                    }
                }))
                .toList();
    }

    static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join(Duration.ofMinutes(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String statusSummary() {
        return new java.util.TreeMap<>(statuses) + ", connection errors " + connectionErrors.get();
    }
}
