package io.tributary.projection;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar tributary.jar rebuild}: rebuilds the graph from the event log offline (the service stopped: the
 * store and the file log belong to one process) and exits, 0 once done. The service starts as usual (its settings,
 * its store) on a free loopback port instead of its own, asks for a rebuild (or resumes the one a crash interrupted) and waits for it.
 */
public final class RebuildCommand {

    private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REPORT = Duration.ofSeconds(10);

    private RebuildCommand() {}

    /** Runs the rebuild with the service's {@code application} and its arguments; the process's exit status. */
    public static int run(Class<?> application, String[] args) throws InterruptedException {
        var arguments = new java.util.ArrayList<>(java.util.List.of(args));
        if (arguments.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            // Not the service's port (a service may be starting there): a free one, on loopback only. Netty takes no
            // "-1" for none, and the service's beans want their web context.
            arguments.addFirst("--server.port=0");
            arguments.addFirst("--server.address=127.0.0.1");
        }
        try (ConfigurableApplicationContext context =
                SpringApplication.run(application, arguments.toArray(String[]::new))) {
            Projector projector = context.getBeanProvider(Projector.class).getIfAvailable();
            if (projector == null) {
                log.error("The service runs without an event log (tributary.log.mode=none): nothing to rebuild from");
                return 2;
            }
            RebuildState state;
            try {
                state = projector.requestRebuild();
                log.info("Rebuild asked for, up to log position {}", state.target());
            } catch (RebuildRefusedException e) {
                log.error("No rebuild: {}", e.getMessage());
                return 3;
            } catch (RebuildInProgressException e) {
                state = projector.rebuildState();
                log.info("Resuming the rebuild in progress ({}), up to log position {}", state.phase(), state.target());
            }
            long nextReport = System.nanoTime() + REPORT.toNanos();
            while (state.active()) {
                Thread.sleep(POLL);
                state = projector.rebuildState();
                if (System.nanoTime() - nextReport >= 0) {
                    nextReport = System.nanoTime() + REPORT.toNanos();
                    log.info(
                            "Rebuild: {}, {} events replayed of the log up to position {}{}",
                            state.phase(),
                            state.replayed(),
                            state.target(),
                            state.error() == null ? "" : "; retrying after: " + state.error());
                }
            }
            System.out.printf(
                    "Rebuilt the graph: %d events replayed; clearing %d ms (%d nodes), replay %d ms, restoring %d ms;"
                            + " hand-set values of %d datasets and jobs kept%n",
                    state.replayed(),
                    orZero(state.clearMs()),
                    state.cleared(),
                    orZero(state.replayMs()),
                    orZero(state.restoreMs()),
                    state.kept());
            return 0;
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
