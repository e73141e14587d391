package io.tributary.testing;

import io.tributary.TributaryApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole service in a child JVM ({@link TributaryApplication} on the test classpath, as {@code java -jar} would run
 * it), so that a test can kill it with {@code kill -9} and start it again on the same data directory. It is killed on
 * {@link #kill()}, {@link #close()} and by this JVM's shutdown hook.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String WARM_UP = "tributary.ingest.warm-up";
    private static final int OUTPUT_TAIL_LINES = 60;
    private static final String BOLT_MARKER = "Bolt on ";
    private static final Pattern HTTP_PORT = Pattern.compile("Netty started on port (\\d+)");

    private final Process process;
    private final Thread killOnExit;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Integer> httpPort = new CompletableFuture<>();
    private final CompletableFuture<URI> embeddedBolt = new CompletableFuture<>();
    /** Every line, kept only for {@link #runUntilExit} (a start that fails prints little); else null. */
    private List<String> allOutput;

    private Thread outputRead;

    private ServiceProcess(Process process, Thread killOnExit) {
        this.process = process;
        this.killOnExit = killOnExit;
    }

    /**
     * Starts the service with {@code --name=value} for each property (plus the data dir) on a port the system picks
     * (read back from its log: a port probed free beforehand could be taken by another process before the child binds
     * it) and waits up to {@code timeout} for {@code /actuator/health} to answer 200.
     */
    public static ServiceProcess start(Path dataDir, Map<String, String> properties, Duration timeout) {
        return start(dataDir, List.of(), properties, timeout);
    }

    /** As {@link #start(Path, Map, Duration)}, with {@code arguments} (such as {@code --demo}) passed as they are. */
    public static ServiceProcess start(
            Path dataDir, List<String> arguments, Map<String, String> properties, Duration timeout) {
        var service = launch(dataDir, arguments, properties, false);
        service.awaitHealthy(timeout);
        return service;
    }

    /**
     * Starts the service as {@link #start} does (a given {@code server.port} replaces port 0) for a start that is to
     * fail: waits up to {@code timeout} for the process to exit on its own and returns its exit code and its whole
     * output.
     */
    public static Exited runUntilExit(Path dataDir, Map<String, String> properties, Duration timeout) {
        return runUntilExit(dataDir, List.of(), properties, timeout);
    }

    /** As {@link #runUntilExit(Path, Map, Duration)}, with {@code arguments} (such as {@code rebuild}) as they are. */
    public static Exited runUntilExit(
            Path dataDir, List<String> arguments, Map<String, String> properties, Duration timeout) {
        var service = launch(dataDir, arguments, properties, true);
        if (!service.waitFor(timeout.toSeconds())) {
            service.kill();
            throw new IllegalStateException("The service did not exit within " + timeout + ":\n" + service.output());
        }
        service.removeHook();
        try {
            service.outputRead.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        synchronized (service.tail) {
            return new Exited(service.process.exitValue(), String.join("\n", service.allOutput));
        }
    }

    /** How a service process ended: its exit code and everything it printed. */
    public record Exited(int exitCode, String output) {}

    private static ServiceProcess launch(
            Path dataDir, List<String> arguments, Map<String, String> properties, boolean keepAllOutput) {
        var command = new ArrayList<>(ChildJvm.command(TributaryApplication.class));
        if (!properties.containsKey("server.port")) {
            command.add("--server.port=0");
        }
        command.add("--tributary.data-dir=" + dataDir);
        // Small caches: several JVMs share a small test machine.
        command.add("--tributary.embedded.page-cache=64MB");
        command.add("--tributary.embedded.transaction-memory=256MB");
        if (!properties.containsKey(WARM_UP)) {
            // 5-8 s of each start on a cold JVM, for speed of the first events only; IngestWarmUpTest covers it
            command.add("--" + WARM_UP + "=false");
        }
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread killOnExit = new Thread(process::destroyForcibly, "kill-tributary-service");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        var service = new ServiceProcess(process, killOnExit);
        service.allOutput = keepAllOutput ? new ArrayList<>() : null;
        service.outputRead =
                Thread.ofPlatform().daemon().name("tributary-service-output").start(service::readOutput);
        return service;
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + ":\n" + output());
            }
            if (request == null) {
                if (!httpPort.isDone()) {
                    sleep(250); // not listening yet
                    continue;
                }
                request = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
            }
            try {
                var health = UncheckedHttp.send(client, request, HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException("The service was not healthy within " + timeout + ":\n" + output());
    }

    private void readOutput() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher http = HTTP_PORT.matcher(line);
                if (http.find()) {
                    httpPort.complete(Integer.parseInt(http.group(1)));
                }
                int bolt = line.indexOf(BOLT_MARKER);
                if (bolt >= 0) {
                    embeddedBolt.complete(URI.create(
                            line.substring(bolt + BOLT_MARKER.length()).trim()));
                }
                synchronized (tail) {
                    if (allOutput != null) {
                        allOutput.add(line);
                    }
                    tail.addLast(line);
                    if (tail.size() > OUTPUT_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort.join());
    }

    /**
     * The embedded database's loopback Bolt address, as the service logged it at start-up (before it answered health;
     * waited for, since the line reaches this JVM through a reader thread of its own).
     */
    public URI embeddedBoltUri() {
        try {
            return embeddedBolt.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The service logged no Bolt address:\n" + output(), e);
        }
    }

    /**
     * Waits until the service's projector has passed everything its event log holds (GraphQL {@code projection}), for
     * a test that reads the graph over Bolt: after a restart the projector catches up on what was acknowledged but not
     * yet projected before the kill. Returns at once when the service runs without a log.
     */
    public void awaitProjection(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var request = HttpRequest.newBuilder(baseUri().resolve("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"{ projection { projectedPosition committedPosition } }\"}"))
                .build();
        var positions = Pattern.compile("\"projectedPosition\":(\\d+),\"committedPosition\":(\\d+)");
        String last = "";
        while (System.nanoTime() < deadline) {
            last = UncheckedHttp.send(client, request, HttpResponse.BodyHandlers.ofString())
                    .body();
            if (last.contains("\"projection\":null")) {
                return;
            }
            Matcher m = positions.matcher(last);
            if (m.find() && Long.parseLong(m.group(1)) >= Long.parseLong(m.group(2))) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("The projector did not catch up within " + limit + ": " + last);
    }

    /** The last lines the service printed, for failure messages. */
    public String output() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /** {@code kill -9}: no shutdown hook, no graceful drain, no database shutdown. */
    public void kill() {
        process.destroyForcibly();
        waitFor(30);
        removeHook();
    }

    /** SIGTERM: the graceful shutdown path. */
    @Override
    public void close() {
        process.destroy();
        if (!waitFor(60)) {
            process.destroyForcibly();
            waitFor(30);
        }
        removeHook();
    }

    /** The exit code of a process that has ended (after {@link #close()} or {@link #kill()}). */
    public int exitCode() {
        return process.exitValue();
    }

    private boolean waitFor(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
