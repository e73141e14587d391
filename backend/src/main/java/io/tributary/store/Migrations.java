package io.tributary.store;

import io.tributary.digest.Sha256;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code cypher/migrations/V000N__*.cypher} in version order at start-up. Each file holds idempotent statements
 * separated by semicolons (schema statements {@code IF NOT EXISTS}; data migrations that touch only what is not
 * migrated yet). Applied files are recorded as {@code (:Migration)} nodes with their checksum, and a start skips a file
 * recorded with the same checksum: applying them all again on every start scanned every dataset, job and run of the
 * store for the data migrations (13 s of each restart on the 1M-node benchmark store). A changed file is applied again;
 * a file applied but not recorded (a crash in between) is applied again, which its idempotence makes harmless. On an
 * empty store (a first start) the statements that begin with {@code MATCH} are skipped: with no node they have no row to
 * act on, and planning those data migrations on a cold JVM took 2 s of every first start.
 */
final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final String PREFIX = "migrations/";
    private static final Pattern FIRST_CLAUSE_MATCH = Pattern.compile("^MATCH\\s", Pattern.CASE_INSENSITIVE);

    private Migrations() {}

    /** A migration file as recorded: its version (the file name) and the checksum of its text. */
    record Applied(String version, String checksum) {}

    static void apply(Driver driver, SessionConfig sessionConfig, CypherStatements statements) {
        Map<String, String> files = statements.startingWith(PREFIX);
        try (var session = driver.session(sessionConfig)) {
            var recorded = new HashMap<String, String>();
            session.executeRead(tx ->
                            tx.run(statements.get("store/recorded-migrations")).list())
                    .forEach(r -> recorded.put(
                            r.get("version").asString(), r.get("checksum").asString(null)));
            List<Applied> pending = files.entrySet().stream()
                    .map(file -> new Applied(file.getKey().substring(PREFIX.length()), Sha256.hex(file.getValue())))
                    .filter(migration -> !migration.checksum().equals(recorded.get(migration.version())))
                    .toList();
            // Counted only when there is something to apply: a restart with every file recorded reads nothing more
            boolean empty = !pending.isEmpty()
                    && session.executeRead(tx -> tx.run(statements.get("store/node-count"))
                                    .single()
                                    .get("nodes")
                                    .asLong())
                            == 0;
            for (Applied migration : pending) {
                for (String statement : split(files.get(PREFIX + migration.version()))) {
                    if (empty && needsExistingNodes(statement)) {
                        continue;
                    }
                    session.run(statement).consume();
                }
            }
            if (!pending.isEmpty()) {
                session.executeWrite(
                        tx -> tx.run(statements.get("store/record-migration"), Parameters.of(new Batch(pending)))
                                .consume());
            }
            log.info(
                    "Schema migrations: {} applied{}, {} recorded before with the same checksum",
                    pending.size(),
                    empty ? " (an empty store: data statements skipped)" : "",
                    files.size() - pending.size());
        }
    }

    static boolean needsExistingNodes(String statement) {
        return FIRST_CLAUSE_MATCH.matcher(statement).find();
    }

    static List<String> split(String file) {
        String withoutComments =
                file.lines().filter(line -> !line.strip().startsWith("//")).reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
