package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.event.EventParser;
import io.tributary.testing.Fixtures;
import io.tributary.write.GraphWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.summary.Plan;

/**
 * Every statement reads its nodes by their key index on a young store (the projector's above all). Neo4j plans a
 * statement on the store's statistics when first run and keeps the plan until they move a lot; a store of a few dozen
 * fields once got a plan for {@code column-lineage-changes} that scanned every field for each row (25M db hits in a
 * 3,000-event projection). So each statement is planned here afresh on a database of its own holding a few real
 * events, as a new service sees it.
 */
class KeyedPlansTest {

    private static final List<String> SCANS = List.of("NodeIndexScan", "NodeByLabelScan", "AllNodesScan");

    /** Statements that read every node of a label by design: lists, counts, exports and the index load. */
    private static final Set<String> READ_EVERY_NODE = Set.of(
            "access/expire-keys",
            "access/forget-expired-keys",
            "access/keys",
            "alert/freshness",
            "alert/mutes",
            "alert/rules",
            "lifecycle/export-deletions",
            "projection/quarantined",
            "projection/rebuild-keep",
            "projection/rebuild-restore",
            "read/estate/most-connected-datasets",
            "read/lineage/index/datasets",
            "read/lineage/index/jobs",
            "read/lineage/index/runs",
            "read/marquez/job-count",
            "read/marquez/job-page",
            "read/marquez/namespaces",
            "read/marquez/sources-created",
            "read/namespace/all",
            "read/tag/tags",
            "store/recorded-migrations");

    /** Spark runs with column lineage, an Airflow DAG's tasks: a few dozen fields, datasets, jobs and runs. */
    private static final List<String> YOUNG_STORE = List.of(
            "spark/compat-tests-cll/1.json",
            "spark/compat-tests-cll/2.json",
            "spark/compat-tests-cll/5.json",
            "spark/compat-tests-cll/8.json",
            "airflow/compat-tests-bq-dag/line_01.json",
            "airflow/compat-tests-bq-dag/line_02.json",
            "airflow/compat-tests-bq-dag/line_03.json",
            "airflow/compat-tests-bq-dag/line_04.json");

    @TempDir
    static Path home;

    private static EmbeddedNeo4j database;
    private static Driver driver;
    private static GraphStore store;

    @BeforeAll
    static void youngStore() throws IOException {
        // The index samples stay as the migrations left them (empty), as on a new service until Neo4j resamples: the
        // statistics a young store's statements are planned with. A background resample would make the test depend on
        // timing.
        Path settings = Files.writeString(home.resolve("neo4j.conf"), "db.index_sampling.background_enabled=false\n");
        database = new EmbeddedNeo4j(home.resolve("store"), 64L << 20, 256L << 20, settings);
        driver = GraphDatabase.driver(database.boltUri(), AuthTokens.none());
        store = new GraphStore(
                driver,
                new Neo4jProperties(null, "neo4j", null, "neo4j"),
                new GraphStore.ReadLimits(Duration.ofSeconds(30)),
                new SimpleMeterRegistry());
        store.afterPropertiesSet();
        var parser = new EventParser();
        var writer = new GraphWriter(store);
        for (String path : YOUNG_STORE) {
            for (String text : Fixtures.fill(Fixtures.events(path)).events()) {
                var event = parser.parse(text.getBytes(StandardCharsets.UTF_8));
                store.writeTransaction(Duration.ofSeconds(60), writes -> {
                    writer.project(writes, List.of(event));
                    return null;
                });
            }
        }
    }

    @AfterAll
    static void close() {
        driver.close();
        database.close();
    }

    @Test
    void everyStatementSeeksItsNodesByKeyOnAYoungStore() {
        var statements = new TreeMap<>(CypherStatements.load().startingWith(""));
        statements.keySet().removeIf(name -> name.startsWith("migrations/") || READ_EVERY_NODE.contains(name));
        assertThat(statements).containsKeys("ingest/column-lineage-changes", "read/archive/events-by-run");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (f:Field) RETURN count(f)")
                            .single()
                            .get(0)
                            .asLong())
                    .as("fields in the young store")
                    .isBetween(10L, 1000L);
            // Planned afresh: the seeding cached the plans of the ingest statements.
            session.run("CALL db.clearQueryCaches()").consume();
            var scans = new TreeMap<String, List<String>>();
            for (Map.Entry<String, String> statement : statements.entrySet()) {
                Plan plan =
                        session.run("EXPLAIN " + statement.getValue()).consume().plan();
                var found = operators(plan).stream()
                        .filter(operator -> SCANS.stream().anyMatch(operator::startsWith))
                        .toList();
                if (!found.isEmpty()) {
                    scans.put(statement.getKey(), found);
                }
            }
            assertThat(scans)
                    .as("statements whose plan scans instead of seeking")
                    .isEmpty();
        }
    }

    /** Safe only because they seek by key whatever the statistics say (above): a stale plan of theirs costs nothing. */
    @Test
    void theProjectorsStatementsKeepTheirFirstPlanAndTakeTheirRowsInAMap() {
        var statements = CypherStatements.load().startingWith("ingest/");
        assertThat(statements).isNotEmpty().allSatisfy((name, text) -> {
            String cypher = text.replaceAll("(?m)^//.*$", "").strip();
            assertThat(cypher).as(name).startsWith("CYPHER replan=skip");
            assertThat(cypher).as(name).doesNotContain("UNWIND $rows");
        });
    }

    private static List<String> operators(Plan plan) {
        var all = new ArrayList<String>();
        all.add(plan.operatorType().replaceAll("@.*", "") + " "
                + plan.arguments().get("Details"));
        plan.children().forEach(child -> all.addAll(operators(child)));
        return all;
    }
}
