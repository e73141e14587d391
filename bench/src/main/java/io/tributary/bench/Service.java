package io.tributary.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The service under test: {@code backend/target/tributary.jar} as a child process with embedded Neo4j, exactly what ops
 * run. Its Bolt address (loopback, random port) is read from its log so that the ceiling and the generator write to
 * the same database.
 */
final class Service implements AutoCloseable {

    static final String API_KEY = "bench-key";
    private static final Pattern BOLT = Pattern.compile("Bolt on (bolt://[0-9.]+:[0-9]+)");

    private final Process process;
    private final int port;
    private final CompletableFuture<String> bolt = new CompletableFuture<>();
    private final long readyMillis;
    /** System.nanoTime() when readiness was first seen UP. */
    private long readyAt;

    /**
     * The service benchmark's service: it acknowledges after the graph commit ({@code tributary.log.mode=none}), so
     * that its ingest figures count events visible in the graph, not only durable in the event log. The log path's
     * projected rates are {@code -Dbench.mode=ingest} ({@link IngestBench}); a caught-up projector adds no wait to
     * the traversal reads measured here.
     */
    Service(Path jar, Path dataDir, String heap, Path jfr, Path log) throws Exception {
        this(jar, dataDir, heap, graphCommitPath(jfr), log);
    }

    private static List<String> graphCommitPath(Path jfr) {
        // The full run measures the Cypher walks beside their raw statements, on a graph it generates over Bolt, past
        // the projector that keeps the lineage index: with the index on, walks would read a graph without it.
        var options =
                new ArrayList<String>(List.of("-Dtributary.log.mode=none", "-Dtributary.lineage.index.enabled=false"));
        if (jfr != null) {
            options.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        return options;
    }

    /** {@code jvmOptions}: more options for the service's JVM, e.g. {@code -Dtributary.log.mode=file} or JFR's. */
    Service(Path jar, Path dataDir, String heap, List<String> jvmOptions, Path log) throws Exception {
        this.port = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap,
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TRIBUTARY_DATA_DIR", dataDir.toString());
        builder.environment().put("TRIBUTARY_API_KEY", API_KEY);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        // -Dbench.neo4jConf=FILE: extra embedded Neo4j settings for the service (A/B of database tuning).
        String neo4jConf = System.getProperty("bench.neo4jConf");
        if (neo4jConf != null && !neo4jConf.isBlank()) {
            builder.environment()
                    .put(
                            "TRIBUTARY_EMBEDDED_CONFIG_FILE",
                            Path.of(neo4jConf).toAbsolutePath().toString());
        }
        long started = System.nanoTime();
        this.process = builder.start();
        Thread.ofPlatform().daemon().start(() -> pump(log));
        waitReady();
        this.readyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private void pump(Path log) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(
                        log,
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                var m = BOLT.matcher(line);
                if (m.find()) {
                    bolt.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            bolt.completeExceptionally(e);
        }
    }

    private void waitReady() throws Exception {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyAt = System.nanoTime();
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service was not ready within 5 minutes");
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String boltUri() throws Exception {
        return bolt.get();
    }

    long pid() {
        return process.pid();
    }

    long readyMillis() {
        return readyMillis;
    }

    /** {@code System.nanoTime()} when {@code /actuator/health/readiness} first answered UP. */
    long readyAt() {
        return readyAt;
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: graceful shutdown, which also dumps the JFR recording
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
