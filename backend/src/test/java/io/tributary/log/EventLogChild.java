package io.tributary.log;

import io.tributary.TributaryApplication;
import io.tributary.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The service in a child JVM with its event log on, for {@link EventLogKillTest}: {@code append} makes concurrent
 * appenders append {@link LogEvents} records until the process is killed, printing {@code ACK <first> <count>
 * <position>} for each acknowledged append; {@code read} reads the whole log, printing {@code READ <position> <id>} per
 * event and {@code END <committed position>}, then exits; {@code projected} does the same, then waits for the
 * projector and prints what it projected.
 */
public final class EventLogChild implements AutoCloseable {

    public static void main(String[] args) {
        var context = new SpringApplicationBuilder(TributaryApplication.class)
                .run(
                        "--server.port=0",
                        "--tributary.data-dir=" + args[1],
                        "--tributary.log.mode=" + args[0],
                        "--tributary.api-key=event-log-child",
                        "--tributary.embedded.page-cache=64MB",
                        "--tributary.embedded.transaction-memory=256MB",
                        "--tributary.ingest.warm-up=false");
        EventLog log = context.getBean(EventLog.class);
        PrintStream out = System.out;
        if (args[2].equals("append")) {
            var next = new AtomicInteger();
            for (int t = 0; t < Integer.parseInt(args[3]); t++) {
                Thread.ofPlatform().start(() -> {
                    while (true) {
                        int from = next.getAndUpdate(n -> n + 1 + n % 3);
                        int count = 1 + from % 3;
                        LogPosition position =
                                log.append(LogEvents.records(from, count)).join();
                        out.println("ACK " + from + " " + count + " " + position.value());
                    }
                });
            }
            return;
        }
        LogPosition after = LogPosition.START;
        List<LoggedEvent> page;
        while (!(page = log.read(after, 100)).isEmpty()) {
            for (LoggedEvent e : page) {
                out.println("READ " + e.position().value() + " " + e.record().id());
            }
            after = page.getLast().position();
        }
        out.println("END " + log.committedPosition().value());
        if (args[2].equals("projected")) {
            printProjected(context, log, out);
            return;
        }
        context.close();
        System.exit(0);
    }

    /**
     * Waits for the projector to pass the log's committed position, then prints {@code RUN <run id, hex>} per run in
     * the graph, {@code EVENTS <n>} archived events and {@code QUARANTINED <n>}, and exits.
     */
    private static void printProjected(
            org.springframework.context.ConfigurableApplicationContext context, EventLog log, PrintStream out) {
        var progress = context.getBean(io.tributary.projection.ProjectionProgress.class);
        boolean done = Boolean.TRUE.equals(
                progress.await(log.committedPosition(), Duration.ofMinutes(4)).block());
        if (!done) {
            System.exit(3);
        }
        try (var session = context.getBean(org.neo4j.driver.Driver.class).session()) {
            session.run("MATCH (r:Run) RETURN r.runId AS id")
                    .list(r -> r.get("id").asString())
                    .forEach(id -> out.println("RUN " + id.replace("-", "")));
            out.println("EVENTS "
                    + session.run("MATCH (e:Event) RETURN count(e) AS n")
                            .single()
                            .get("n")
                            .asLong());
            out.println("QUARANTINED "
                    + session.run("MATCH (q:QuarantinedEvent) RETURN count(q) AS n")
                            .single()
                            .get("n")
                            .asLong());
        }
        context.close();
        System.exit(0);
    }

    private final Process process;
    private final Thread killOnExit;
    private final List<String> marked = new CopyOnWriteArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread output;

    private EventLogChild(Process process) {
        this.process = process;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-event-log-child");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        this.output =
                Thread.ofPlatform().daemon().name("event-log-child-output").start(this::readOutput);
    }

    /** Starts {@code main} with these arguments in a JVM of its own, on this test's classpath. */
    static EventLogChild start(String... args) {
        var command = new ArrayList<>(ChildJvm.command(EventLogChild.class));
        command.addAll(List.of(args));
        try {
            return new EventLogChild(
                    new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.matches("(ACK|READ|END|RUN|EVENTS|QUARANTINED) [0-9a-f ]+")) {
                    marked.add(line);
                } else {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 60) {
                            tail.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** The {@code ACK}, {@code READ} and {@code END} lines printed so far, whole lines only. */
    List<String> lines(String kind) {
        return marked.stream().filter(l -> l.startsWith(kind + " ")).toList();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to exit by itself; false if it did not within {@code limit}. */
    boolean awaitExit(Duration limit) throws InterruptedException {
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (exited) {
            output.join(Duration.ofSeconds(30));
        }
        return exited;
    }

    int exitValue() {
        return process.exitValue();
    }

    String output() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /** {@code kill -9}, then everything it printed before is read. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            output.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
