package io.tributary.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * The traversal phase alone, against a kept store, for A/B comparisons of two builds of the service on the same graph:
 * no ingest, no ceiling, no footprint. The first run, on a {@code bench.store} directory that does not exist yet,
 * generates the graph (as {@link Bench} does); later runs reuse it, so two jars can be measured alternately on
 * identical data.
 *
 * <p>System properties: {@code bench.store} (data directory, required), {@code bench.jar} (default
 * {@code backend/target/tributary.jar}), {@code bench.nodes} (graph size when generating, and the width the lineage
 * start is taken from; default 1,000,000), {@code bench.samples} (default 30), {@code bench.heap} (default 1g),
 * {@code bench.jfr} (a JFR recording of the service, optional). Run from the repository root, e.g.
 * {@code java -cp bench/target/classes:$(cat cp.txt) io.tributary.bench.TraversalOnly}.
 */
public final class TraversalOnly {

    private TraversalOnly() {}

    public static void main(String[] args) throws Exception {
        Path store = Path.of(System.getProperty("bench.store"));
        Path jar = Path.of(System.getProperty("bench.jar", "backend/target/tributary.jar"));
        int nodes = Integer.getInteger("bench.nodes", 1_000_000);
        int samples = Integer.getInteger("bench.samples", 30);
        String heap = System.getProperty("bench.heap", "1g");
        String jfr = System.getProperty("bench.jfr");
        Path root = Path.of("").toAbsolutePath();
        boolean fresh = !Files.isDirectory(store);
        Files.createDirectories(store);
        Path log = Files.createDirectories(root.resolve("bench/target")).resolve("traversal-only.log");
        try (var service = new Service(jar, store, heap, jfr == null ? null : Path.of(jfr), log);
                var driver = GraphDatabase.driver(service.boltUri(), AuthTokens.none())) {
            var gen = new GraphGen(driver, nodes);
            if (fresh) {
                long t = System.nanoTime();
                long generated = gen.generate();
                System.out.printf("generated %,d nodes in %.0f s%n", generated, (System.nanoTime() - t) / 1e9);
            } else {
                long repaired = gen.repairSchemas();
                if (repaired > 0) {
                    System.out.printf("gave %,d datasets of an older generated store their schema%n", repaired);
                }
            }
            String impactStart = Traversal.impactStart(driver, 100_000);
            String lineageStart = GraphGen.dataset(GraphGen.LAYERS / 2, gen.width / 3);
            System.out.printf(
                    "%s: lineage from %s, impact from %s (%,d downstream); load %s%n",
                    jar,
                    lineageStart,
                    impactStart,
                    Traversal.descendants(driver, impactStart),
                    Footprint.loadAverage());
            new Traversal(service, driver, new RawBfs(driver, root), new RawWalk(driver, root), samples)
                    .run(lineageStart, impactStart);
            System.out.printf("load after: %s%n", Footprint.loadAverage());
        }
    }
}
