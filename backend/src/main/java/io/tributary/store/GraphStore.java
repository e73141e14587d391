package io.tributary.store;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.ProfiledPlan;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The one door to Neo4j: named statements from {@code cypher/}, run with parameters in managed transactions (which the
 * driver retries on transient errors such as deadlocks or a leader switch). Schema migrations run before the first
 * request can reach the database.
 */
@Component
public class GraphStore implements InitializingBean {

    /** The timer of read statements. */
    public static final String READS = "tributary.graph.reads";

    /** The timer of write statements. */
    public static final String WRITES = "tributary.graph.writes";

    /** Database hits of each write statement, recorded only by a {@link #profilingWrites} store (the benchmark). */
    public static final String WRITE_DB_HITS = "tributary.graph.writes.dbhits";

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final String neo4jDatabase;
    private final CypherStatements statements = CypherStatements.load();
    private final TransactionConfig readConfig;
    private final MeterRegistry meters;
    /** Write statements run under {@code PROFILE}, their database hits recorded ({@link #profilingWrites}). */
    private final boolean profileWrites;

    /** Public for tools that write with the service's own statements over a driver of their own (the benchmark). */
    @Autowired
    public GraphStore(Driver driver, Neo4jProperties neo4j, ReadLimits limits, MeterRegistry meters) {
        this(driver, neo4j, limits, meters, false);
    }

    private GraphStore(
            Driver driver, Neo4jProperties neo4j, ReadLimits limits, MeterRegistry meters, boolean profileWrites) {
        this.profileWrites = profileWrites;
        this.driver = driver;
        this.meters = meters;
        this.sessionConfig = SessionConfig.forDatabase(neo4j.database());
        this.neo4jDatabase = neo4j.database();
        this.readConfig =
                TransactionConfig.builder().withTimeout(limits.queryTimeout()).build();
    }

    /**
     * For the benchmark only: a store whose write statements run under {@code PROFILE}, each one's database hits (the
     * sum over its plan's operators, a count that does not depend on the machine's load) recorded in
     * {@link #WRITE_DB_HITS} by statement name. Profiling slows the statements down; their times are not comparable
     * with an unprofiled store's. No configuration reaches it.
     */
    public static GraphStore profilingWrites(
            Driver driver, Neo4jProperties neo4j, ReadLimits limits, MeterRegistry meters) {
        return new GraphStore(driver, neo4j, limits, meters, true);
    }

    @Override
    public void afterPropertiesSet() {
        Migrations.apply(driver, sessionConfig, statements);
    }

    /** A statement's text, for plan checks ({@code EXPLAIN}); statements run only through the read and write doors. */
    public String statement(String name) {
        return statements.get(name);
    }

    /**
     * Runs the named write statement in a transaction of its own (all or nothing) and maps its result; timed as each
     * write statement is ({@link Writes#run}).
     */
    public <T> T write(String name, Record parameters, Duration timeout, Function<Result, T> mapper) {
        return writeTransaction(timeout, writes -> writes.run(name, parameters, mapper));
    }

    /**
     * Runs several named write statements in ONE write transaction: all of them commit, or none. The driver retries
     * the work on transient errors (a deadlock, a leader switch), so it must build its answer from scratch.
     */
    public <T> T writeTransaction(Duration timeout, Function<Writes, T> work) {
        try (var session = driver.session(sessionConfig)) {
            return session.executeWrite(
                    tx -> work.apply(new Writes(tx, true)),
                    TransactionConfig.builder().withTimeout(timeout).build());
        }
    }

    /**
     * Runs write statements in one transaction that is then rolled back, so nothing is written: the database plans and
     * caches each statement as it would for a real write (used to warm the ingest path before readiness). Not timed:
     * a rehearsal is not a write.
     */
    public void rehearseWriteTransaction(Duration timeout, Consumer<Writes> work) {
        try (var session = driver.session(sessionConfig);
                var tx = session.beginTransaction(
                        TransactionConfig.builder().withTimeout(timeout).build())) {
            work.accept(new Writes(tx, false));
            tx.rollback();
        }
    }

    /**
     * The statements of one {@link #writeTransaction}. Each is timed ({@code tributary.graph.writes}, tagged with its
     * name), as reads are: latency per statement, and how many run per transaction.
     */
    public final class Writes {

        private final SimpleQueryRunner tx;
        private final boolean timed;

        private Writes(SimpleQueryRunner tx, boolean timed) {
            this.tx = tx;
            this.timed = timed;
        }

        public <T> T run(String name, Record parameters, Function<Result, T> mapper) {
            if (profileWrites && timed) {
                return timed(WRITES, name, () -> profiled(name, parameters, mapper));
            }
            Supplier<T> work = () -> mapper.apply(tx.run(statements.get(name), Parameters.of(parameters)));
            return timed ? timed(WRITES, name, work) : work.get();
        }

        private <T> T profiled(String name, Record parameters, Function<Result, T> mapper) {
            Result result = tx.run("PROFILE " + statements.get(name), Parameters.of(parameters));
            T answer = mapper.apply(result);
            DistributionSummary.builder(WRITE_DB_HITS)
                    .tag("statement", name)
                    .register(meters)
                    .record(dbHits(result.consume().profile()));
            return answer;
        }

        /** Runs a statement whose result is not read. */
        public void run(String name, Record parameters) {
            run(name, parameters, Result::consume);
        }
    }

    /**
     * Runs the named read statement under the read-query time limit and maps its result. Each statement is timed
     * ({@code tributary.graph.reads}, tagged with its name): latency per query shape, and a count that shows whether a
     * request's reads grow with its result (they must not: lists are batched).
     */
    public <T> T read(String name, Map<String, Object> parameters, Function<Result, T> mapper) {
        return read(name, parameters, readConfig, mapper);
    }

    /**
     * As {@link #read(String, Map, Function)}, under {@code timeout} instead of the read-query limit: for the service's
     * own background reads (the lineage index's load pages, the projector's state), bounded by their own work rather
     * than by a user's query: a small limit set for users must not fail them.
     */
    public <T> T read(String name, Map<String, Object> parameters, Duration timeout, Function<Result, T> mapper) {
        return read(
                name,
                parameters,
                TransactionConfig.builder().withTimeout(timeout).build(),
                mapper);
    }

    private <T> T read(
            String name, Map<String, Object> parameters, TransactionConfig config, Function<Result, T> mapper) {
        String cypher = statements.get(name);
        return timed(READS, name, () -> {
            try (var session = driver.session(sessionConfig)) {
                return session.executeRead(tx -> mapper.apply(tx.run(cypher, parameters)), config);
            }
        });
    }

    /** As {@link #read(String, Map, Function)}, with typed parameters (see {@link Parameters}). */
    public <T> T read(String name, Record parameters, Function<Result, T> mapper) {
        return read(name, Parameters.of(parameters), mapper);
    }

    /** As {@link #read(String, Map, Duration, Function)}, with typed parameters (see {@link Parameters}). */
    public <T> T read(String name, Record parameters, Duration timeout, Function<Result, T> mapper) {
        return read(name, Parameters.of(parameters), timeout, mapper);
    }

    /**
     * Runs several named read statements in ONE read transaction (one session, one begin and commit): a consistent
     * snapshot and fewer round trips than one {@link #read} each. The work may be retried on transient errors, so it
     * must build its answer from scratch. A mapper that stops reading early should {@code consume()} the result, which
     * discards the rest without fetching it.
     */
    public <T> T readTransaction(Function<Reads, T> work) {
        return readTransaction(sessionConfig, work);
    }

    /**
     * As {@link #readTransaction(Function)}, pulling {@code fetchSize} records at a time (the driver's default is
     * 1,000): the database computes a batch ahead of the reader, so a reader that stops early wastes up to one batch.
     */
    public <T> T readTransaction(int fetchSize, Function<Reads, T> work) {
        return readTransaction(
                SessionConfig.builder()
                        .withDatabase(neo4jDatabase)
                        .withFetchSize(fetchSize)
                        .build(),
                work);
    }

    private <T> T readTransaction(SessionConfig config, Function<Reads, T> work) {
        try (var session = driver.session(config)) {
            return session.executeRead(tx -> work.apply(new Reads(tx)), readConfig);
        }
    }

    /** The statements of one {@link #readTransaction}, each timed as a {@link #read} is. */
    public final class Reads {

        private final TransactionContext tx;

        private Reads(TransactionContext tx) {
            this.tx = tx;
        }

        public <T> T read(String name, Map<String, Object> parameters, Function<Result, T> mapper) {
            String cypher = statements.get(name);
            return timed(READS, name, () -> mapper.apply(tx.run(cypher, parameters)));
        }

        public <T> T read(String name, Record parameters, Function<Result, T> mapper) {
            return read(name, Parameters.of(parameters), mapper);
        }
    }

    private static long dbHits(ProfiledPlan plan) {
        long hits = plan.dbHits();
        for (ProfiledPlan child : plan.children()) {
            hits += dbHits(child);
        }
        return hits;
    }

    private <T> T timed(String timer, String name, Supplier<T> statement) {
        Timer.Sample sample = Timer.start(meters);
        try {
            return statement.get();
        } finally {
            sample.stop(Timer.builder(timer)
                    .description(
                            timer.equals(READS)
                                    ? "Read statements run, by statement name"
                                    : "Write statements run, by statement name")
                    .tag("statement", name)
                    .register(meters));
        }
    }

    /**
     * Limits on read queries.
     *
     * @param queryTimeout the database aborts a read transaction that runs longer
     */
    @ConfigurationProperties("tributary.read")
    public record ReadLimits(@DefaultValue("10s") Duration queryTimeout) {}
}
