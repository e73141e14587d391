package io.tributary.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link Neo4jUnavailableException} into Boot's short "APPLICATION FAILED TO START" report. */
class Neo4jUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<Neo4jUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Neo4jUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
