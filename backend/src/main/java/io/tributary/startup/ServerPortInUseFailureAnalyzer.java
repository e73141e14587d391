package io.tributary.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Boot's short "APPLICATION FAILED TO START" report for a busy port, naming the setting that moves it. */
class ServerPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<ServerPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ServerPortInUseException cause) {
        int port = cause.port();
        return new FailureAnalysis(
                "SERVER_PORT " + port + " is already in use by another process (another Tributary?); nothing was"
                        + " started.",
                "Stop the process listening on port " + port + ", or set SERVER_PORT to a free port.",
                cause);
    }
}
