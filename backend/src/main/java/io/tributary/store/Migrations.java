package io.tributary.store;

import io.tributary.digest.Sha256;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code cypher/migrations/V000N__*.cypher} in version order at start-up. Each file holds idempotent schema
 * statements ({@code IF NOT EXISTS}) separated by semicolons, so re-running them is harmless; the applied versions are
 * recorded as {@code (:Migration)} nodes for operators.
 */
final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    static void apply(Driver driver, SessionConfig sessionConfig, CypherStatements statements) {
        Map<String, String> files = statements.startingWith("migrations/");
        try (var session = driver.session(sessionConfig)) {
            for (var file : files.entrySet()) {
                for (String statement : split(file.getValue())) {
                    session.run(statement).consume();
                }
                String version = file.getKey().substring("migrations/".length());
                session.executeWrite(tx -> tx.run(
                                statements.get("store/record-migration"),
                                Map.of("version", version, "checksum", sha256(file.getValue())))
                        .consume());
            }
        }
        log.info("Applied {} schema migrations", files.size());
    }

    static List<String> split(String file) {
        String withoutComments =
                file.lines().filter(line -> !line.strip().startsWith("//")).reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
