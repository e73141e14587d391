package io.tributary.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.summary.Plan;

/** Diagnostic: prints the plan of a service statement: {@code Explain bolt://... cypher/ingest/upsert-jobs.cypher}. */
public final class Explain {

    private Explain() {}

    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[1]));
        try (var driver = GraphDatabase.driver(args[0], AuthTokens.none());
                var session = driver.session()) {
            long t = System.nanoTime();
            session.run("RETURN 1").consume();
            System.out.printf("RETURN 1: %.1f ms%n", (System.nanoTime() - t) / 1e6);
            var summary = session.run("EXPLAIN " + text).consume();
            print(summary.plan(), "");
        }
    }

    private static void print(Plan plan, String indent) {
        System.out.println(indent + plan.operatorType() + " " + plan.arguments().getOrDefault("Details", null));
        plan.children().forEach(c -> print(c, indent + "  "));
    }
}
