package io.tributary.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs {@link StandaloneNeo4j} in a child JVM (same java executable, same test classpath) and waits until it reports its
 * Bolt port. The child goes away on {@link #close()}, on this JVM's shutdown hook, and, should this JVM be killed
 * outright, when its standard input reaches end of file.
 */
public final class Neo4jServerProcess implements AutoCloseable {

    /** The test's queries are tiny: a small heap, and the C1 compiler alone starts the server sooner. */
    private static final String MAX_HEAP = "384m";

    private static final int OUTPUT_TAIL_LINES = 40;

    private final Process process;
    private final Path home;
    private final URI boltUri;
    private final Thread killOnExit;
    private final boolean ownsHome;

    private Neo4jServerProcess(Process process, Path home, URI boltUri, Thread killOnExit, boolean ownsHome) {
        this.process = process;
        this.home = home;
        this.boltUri = boltUri;
        this.killOnExit = killOnExit;
        this.ownsHome = ownsHome;
    }

    /** Starts a server whose user {@code neo4j} has the given password; fails after {@code timeout}. */
    public static Neo4jServerProcess start(String password, Duration timeout) {
        Path home;
        try {
            home = Files.createTempDirectory("tributary-standalone-neo4j-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(password, timeout, home, 0, true);
    }

    /**
     * Starts a server on a store and Bolt port of the caller's (0: any free port), which outlive it: for tests that
     * stop the database and bring it back where the service expects it. The caller deletes {@code home}.
     */
    public static Neo4jServerProcess startAt(String password, Duration timeout, Path home, int port) {
        return start(password, timeout, home, port, false);
    }

    private static Neo4jServerProcess start(
            String password, Duration timeout, Path home, int boltPortWanted, boolean ownsHome) {
        var command = new ArrayList<>(ChildJvm.command(StandaloneNeo4j.class, MAX_HEAP));
        command.addAll(List.of(home.resolve("store").toString(), Integer.toString(boltPortWanted)));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(StandaloneNeo4j.PASSWORD_VARIABLE, password);

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.getFirst(), e);
        }
        Thread killOnExit = new Thread(
                () -> {
                    process.destroyForcibly();
                    try {
                        process.waitFor(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (ownsHome) {
                        deleteRecursively(home);
                    }
                },
                "kill-standalone-neo4j");
        Runtime.getRuntime().addShutdownHook(killOnExit);

        var port = new CompletableFuture<Integer>();
        Deque<String> tail = new ArrayDeque<>();
        Thread.ofPlatform().daemon().name("standalone-neo4j-output").start(() -> readOutput(process, tail, port));
        try {
            int boltPort = port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            var server = new Neo4jServerProcess(
                    process, home, URI.create("bolt://127.0.0.1:" + boltPort), killOnExit, ownsHome);
            System.out.printf(
                    "Standalone Neo4j (pid %d) ready on %s after %d ms%n",
                    process.pid(),
                    server.boltUri,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return server;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            new Neo4jServerProcess(process, home, null, killOnExit, ownsHome).close();
            String output;
            synchronized (tail) {
                output = String.join("\n", tail);
            }
            throw new IllegalStateException(
                    "Standalone Neo4j did not report ready within " + timeout + ": " + e + "\nIts last output:\n"
                            + output,
                    e);
        }
    }

    /** Keeps the last lines for error reports and drains the pipe so the child never blocks on a full buffer. */
    private static void readOutput(Process process, Deque<String> tail, CompletableFuture<Integer> port) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(StandaloneNeo4j.READY_PREFIX)) {
                    port.complete(Integer.parseInt(line.substring(StandaloneNeo4j.READY_PREFIX.length())));
                }
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > OUTPUT_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("the process ended"));
    }

    public URI boltUri() {
        return boltUri;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the server: closing its stdin asks it to shut down cleanly; it is killed if that takes over 30 s. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to: nothing left to do
            }
            if (ownsHome) {
                deleteRecursively(home);
            }
        }
    }

    /** {@code kill -9} of the server: a database outage as clients see it. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory; leaving it behind is harmless
        }
    }
}
