package io.tributary.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.event.EventParser;
import io.tributary.log.EventRecord;
import io.tributary.log.EventSource;
import io.tributary.testing.ChildJvm;
import io.tributary.testing.EndToEndTest;
import io.tributary.testing.Fixtures;
import io.tributary.testing.Neo4jServerProcess;
import io.tributary.testing.Redelivery;
import io.tributary.testing.ServiceProcess;
import io.tributary.testing.UncheckedHttp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two Tributary processes on one external Neo4j server (a child JVM), each acknowledging events to the shared Neo4j
 * log, one of them projecting under the lease. Clients ingest into both concurrently (some events delivered to both);
 * the projecting replica is killed with {@code kill -9} mid-load, its clients retry on the other, which takes the lease
 * over once it expires and projects the rest. Then every acknowledged event is in the graph once, and the graph equals
 * that of one process (embedded Neo4j, same log mode) that ingested the same events in another order, compared as a
 * canonical dump of every node, relationship and property except bookkeeping that legitimately differs between two
 * stores: the log's head, the projector's position and lease (numbers and holders), and each event's {@code
 * logPosition} and {@code receivedAt}. Read-your-writes across replicas: a read on one replica with the {@code
 * Tributary-Log-Position} of a 201 from the other sees the event, in both directions.
 */
@Tag(ChildJvm.TAG)
class ReplicasTest {

    private static final String API_KEY = "replicas-test-key";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final Duration READY = Duration.ofSeconds(180);
    /** Short, so that the takeover after the kill comes soon; long enough for a loaded machine's windows. */
    private static final String LEASE_TTL = "3s";

    private static final List<String> FIXTURES = fixtures();
    private static final int ROUNDS = 20;
    private static final int CLIENTS = 8;
    /** Acknowledged events after which the projecting replica is killed. */
    private static final int KILL_AFTER_ACKNOWLEDGED = 120;
    /** Every this many events is delivered a second time, to the other replica. */
    private static final int REDELIVER_EVERY = 7;

    private static final int REFERENCE_BATCH = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final List<AutoCloseable> started = new ArrayList<>();

    @AfterAll
    static void stopAll() throws Exception {
        for (AutoCloseable process : started.reversed()) {
            process.close();
        }
    }

    @Test
    void twoReplicasOnOneDatabaseGiveTheGraphOfOneProcessThroughAKillMinus9OfTheProjectingOne() throws Exception {
        long began = System.nanoTime();
        List<String> events = events();
        var neo4j = Neo4jServerProcess.start(PASSWORD, READY);
        started.add(neo4j);
        Map<String, String> external = Map.of(
                "neo4j.uri",
                neo4j.boltUri().toString(),
                "neo4j.username",
                "neo4j",
                "neo4j.password",
                PASSWORD,
                "tributary.log.mode",
                "neo4j",
                "tributary.projection.lease-ttl",
                LEASE_TTL,
                "tributary.api-key",
                API_KEY,
                "tributary.lineage.index.enabled",
                "true");
        // The server's first connections (authentication, planning) are slow on a starved machine: made here, with
        // patience, so that the replicas' start-up check (5 s for a connection) meets a warm server.
        try (Driver warm = GraphDatabase.driver(
                neo4j.boltUri(),
                AuthTokens.basic("neo4j", PASSWORD),
                Config.builder()
                        .withConnectionAcquisitionTimeout(2, TimeUnit.MINUTES)
                        .withConnectionTimeout(1, TimeUnit.MINUTES)
                        .build())) {
            warm.verifyConnectivity();
        }
        var startedA = CompletableFuture.supplyAsync(() -> service(external));
        var startedB = CompletableFuture.supplyAsync(() -> service(external));
        List<ServiceProcess> replicas = List.of(startedA.join(), startedB.join());
        // The reference: one process, its own embedded database, the same log and projector; its walks are Cypher's,
        // the oracle the replicas' indexes are compared with.
        var startedReference = CompletableFuture.supplyAsync(() -> service(Map.of(
                "tributary.log.mode",
                "neo4j",
                "tributary.api-key",
                API_KEY,
                "tributary.lineage.index.enabled",
                "false")));

        phase(began, "Neo4j server and two replicas started");
        int projecting = awaitProjector(replicas);
        ServiceProcess holder = replicas.get(projecting);
        ServiceProcess follower = replicas.get(1 - projecting);

        // Read-your-writes across replicas, both ways: the follower waits for the position the holder projects.
        long first = post(follower, events.get(0)).position();
        assertThat(runOnReplica(holder, runId(events.get(0)), first)).isTrue();
        long second = post(holder, events.get(1)).position();
        assertThat(runOnReplica(follower, runId(events.get(1)), second)).isTrue();

        // The lineage index of the replica that follows (patched from the log the other projects) answers as the
        // projecting replica's does, after the same read-your-writes wait: the first round of events, both ways.
        long last = second;
        for (int i = 2; i < FIXTURES.size(); i++) {
            last = Math.max(last, post(replicas.get(i % 2), events.get(i)).position());
        }
        var token = Map.of(ReadYourWrites.POSITION, Long.toString(last));
        double followerIndexWalks = indexWalks(follower, "lineage");
        double followerColumnWalks = indexWalks(follower, "columnLineage");
        int derived = 0;
        var before = new java.util.LinkedHashMap<List<String>, String>();
        for (List<String> dataset : datasets()) {
            before.put(dataset, lineage(holder, dataset, token));
            assertThat(lineage(follower, dataset, token))
                    .as("lineage of %s on the following replica", dataset)
                    .isEqualTo(before.get(dataset));
            String columns = answer(follower, COLUMN_LINEAGE, dataset, token);
            assertThat(columns)
                    .as("column lineage of %s on the following replica", dataset)
                    .isEqualTo(answer(holder, COLUMN_LINEAGE, dataset, token));
            derived += columns.contains("transformation") ? 1 : 0;
        }
        assertThat(derived).as("datasets whose column lineage has derivations").isPositive();
        assertThat(indexWalks(follower, "lineage") - followerIndexWalks)
                .as("the following replica's walks ran on its index")
                .isEqualTo(datasets().size());
        assertThat(indexWalks(follower, "columnLineage") - followerColumnWalks)
                .as("the following replica's column walks ran on its index")
                .isEqualTo(datasets().size());
        // Run lineage too: each run of the first round, both ways.
        double followerRunWalks = indexWalks(follower, "runLineage");
        int linked = 0;
        for (String run : firstRoundRuns(events)) {
            String runs = runLineage(follower, run, token);
            assertThat(runs)
                    .as("run lineage of %s on the following replica", run)
                    .isEqualTo(runLineage(holder, run, token));
            linked += runs.contains("version") ? 1 : 0;
        }
        assertThat(linked).as("runs whose run lineage has edges").isPositive();
        assertThat(indexWalks(follower, "runLineage") - followerRunWalks)
                .as("the following replica's run walks ran on its index")
                .isEqualTo(firstRoundRuns(events).size());

        // A soft delete does not go through the log: through the numbered change feed, the following replica's index
        // learns of one made on the projecting replica, and the datasets whose lineage held it lose it there too.
        // (The next rounds of events name the dataset again, which ends the delete.)
        List<String> gone = mostReached(before);
        var deleted = send(HttpRequest.newBuilder(holder.baseUri()
                        .resolve("/api/v1/namespaces/" + encode(gone.get(0)) + "/datasets/" + encode(gone.get(1))))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + API_KEY)
                .DELETE()
                .build());
        assertThat(deleted.statusCode())
                .as("delete answered %s", deleted.body())
                .isEqualTo(200);
        var reaching = before.keySet().stream()
                .filter(d -> !d.equals(gone) && before.get(d).contains(gone.get(1)))
                .toList();
        assertThat(reaching).as("datasets whose lineage holds %s", gone).isNotEmpty();
        for (List<String> dataset : reaching) {
            String onHolder = lineage(holder, dataset, Map.of());
            assertThat(onHolder).as("lineage of %s after the delete", dataset).isNotEqualTo(before.get(dataset));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!lineage(follower, dataset, Map.of()).equals(onHolder) && System.nanoTime() < deadline) {
                sleep(50);
            }
            assertThat(lineage(follower, dataset, Map.of()))
                    .as("lineage of %s on the following replica after a delete on the other", dataset)
                    .isEqualTo(onHolder);
        }

        // Concurrent ingest into both; kill -9 of the projecting replica mid-load.
        var acknowledged = ConcurrentHashMap.<Integer>newKeySet();
        IntStream.range(0, FIXTURES.size()).forEach(acknowledged::add);
        var next = new AtomicInteger(FIXTURES.size());
        var dead = ConcurrentHashMap.<Integer>newKeySet();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var clients = new ArrayList<Thread>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofPlatform().name("replicas-client-" + c).start(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
                        int to = deliver(replicas, dead, i % 2, events.get(i));
                        acknowledged.add(i);
                        if (i % REDELIVER_EVERY == 0) {
                            deliver(replicas, dead, 1 - to, events.get(i));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED || next.get() >= events.size());
        dead.add(projecting);
        holder.kill();
        phase(began, "projecting replica killed after " + acknowledged.size() + " acknowledged events");
        for (Thread client : clients) {
            client.join(Duration.ofMinutes(3));
            assertThat(client.isAlive()).as("client finished").isFalse();
        }
        assertThat(failures).as("client failures").isEmpty();
        assertThat(acknowledged)
                .as("every event acknowledged (retried on the survivor)")
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, events.size()).boxed().toList());

        phase(began, "load done: " + events.size() + " events acknowledged");
        // The survivor takes the lease over and projects what is left.
        awaitCaughtUp(follower, true);
        phase(began, "survivor took over and caught up");
        List<String> replicated;
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
            assertThat(ids(driver, "MATCH (e:Event) RETURN e.id AS id"))
                    .as("each event archived (logged) once")
                    .containsExactlyInAnyOrderElementsOf(eventIds(events));
            Set<String> runs = Set.copyOf(ids(driver, "MATCH (r:Run) RETURN r.runId AS id"));
            for (String event : events) {
                assertThat(runs).as("run of an acknowledged event").contains(runId(event));
            }
            replicated = dump(driver);
        }

        // The same events into the single process, shuffled and partly redelivered, in batches (quicker on a busy
        // machine; a batch is acknowledged as its events would be one by one).
        ServiceProcess reference = startedReference.join();
        List<String> shuffled = Redelivery.shuffledWithCopies(events, 12);
        var batches = new ArrayList<String>();
        for (int from = 0; from < shuffled.size(); from += REFERENCE_BATCH) {
            batches.add("["
                    + String.join(",", shuffled.subList(from, Math.min(shuffled.size(), from + REFERENCE_BATCH)))
                    + "]");
        }
        var nextBatch = new AtomicInteger();
        var referenceClients = new ArrayList<Thread>();
        for (int c = 0; c < 4; c++) {
            referenceClients.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = nextBatch.getAndIncrement(); i < batches.size(); i = nextBatch.getAndIncrement()) {
                        post(reference, "/api/v1/lineage/batch", batches.get(i));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread client : referenceClients) {
            client.join();
        }
        assertThat(failures).as("reference ingest failures").isEmpty();
        awaitCaughtUp(reference, false);
        phase(began, "single-process reference ingested and projected");
        List<String> single;
        try (Driver driver = GraphDatabase.driver(reference.embeddedBoltUri(), AuthTokens.none())) {
            single = dump(driver);
        }
        assertThat(replicated).hasSizeGreaterThan(events.size());
        assertThat(replicated).containsExactlyElementsOf(single);

        // The survivor's index (patched as a follower, then as the projector) answers as Cypher does on the reference.
        double survivorIndexWalks = indexWalks(follower, "lineage");
        double survivorColumnWalks = indexWalks(follower, "columnLineage");
        for (List<String> dataset : datasets()) {
            assertThat(lineage(follower, dataset, Map.of()))
                    .as("lineage of %s on the survivor's index", dataset)
                    .isEqualTo(lineage(reference, dataset, Map.of()));
            assertThat(answer(follower, COLUMN_LINEAGE, dataset, Map.of()))
                    .as("column lineage of %s on the survivor's index", dataset)
                    .isEqualTo(answer(reference, COLUMN_LINEAGE, dataset, Map.of()));
        }
        double survivorRunWalks = indexWalks(follower, "runLineage");
        for (String run : firstRoundRuns(events)) {
            assertThat(runLineage(follower, run, Map.of()))
                    .as("run lineage of %s on the survivor's index", run)
                    .isEqualTo(runLineage(reference, run, Map.of()));
        }
        assertThat(indexWalks(follower, "runLineage") - survivorRunWalks)
                .as("the survivor's run walks ran on its index")
                .isEqualTo(firstRoundRuns(events).size());
        assertThat(indexWalks(follower, "lineage") - survivorIndexWalks)
                .as("the survivor's walks ran on its index")
                .isEqualTo(datasets().size());
        assertThat(indexWalks(follower, "columnLineage") - survivorColumnWalks)
                .as("the survivor's column walks ran on its index")
                .isEqualTo(datasets().size());
        assertThat(indexWalks(reference, "lineage"))
                .as("the reference walks with Cypher")
                .isZero();
        assertThat(indexWalks(reference, "columnLineage"))
                .as("the reference walks columns with Cypher")
                .isZero();
    }

    /** The dataset that most other datasets' lineage reaches (by its name in their answers). */
    private static List<String> mostReached(Map<List<String>, String> lineage) {
        return lineage.keySet().stream()
                .max(java.util.Comparator.comparingLong((List<String> d) -> lineage.entrySet().stream()
                        .filter(e -> !e.getKey().equals(d) && e.getValue().contains(d.get(1)))
                        .count()))
                .orElseThrow();
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Walks of a kind the service's index answered so far (its Prometheus counter). */
    private static double indexWalks(ServiceProcess service, String kind) {
        Matcher m = Pattern.compile(
                        "tributary_lineage_index_walks_total\\{kind=\"" + kind + "\",via=\"index\"\\} ([0-9.E]+)")
                .matcher(scrape(service));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static final String COLUMN_LINEAGE = """
            query($ns: String!, $name: String!) {
              columnLineage(node: {kind: DATASET, namespace: $ns, name: $name}, depth: 10, maxNodes: 1000) {
                nodes { id type distance otherNames { namespace name } }
                edges { from to transformation { type subtype description masking } }
                truncated
              }
            }""";

    private static final String LINEAGE = """
            query($ns: String!, $name: String!) {
              lineage(node: {kind: DATASET, namespace: $ns, name: $name}, depth: 10, maxNodes: 1000) {
                nodes { id kind distance description owners jobType integration latestRunId latestRunState }
                edges { from to }
                truncated
              }
            }""";

    private static final String RUN_LINEAGE = """
            query($runId: ID!) {
              runLineage(runId: $runId, direction: BOTH, depth: 10, maxNodes: 1000) {
                nodes { runId distance }
                edges { from to version { id namespace name createdAt datasetVersion rowCount } }
                truncated
              }
            }""";

    private static String lineage(ServiceProcess service, List<String> dataset, Map<String, String> headers) {
        return answer(service, LINEAGE, dataset, headers);
    }

    private static String runLineage(ServiceProcess service, String runId, Map<String, String> headers) {
        return answer(service, RUN_LINEAGE, Map.of("runId", runId), headers);
    }

    /** The distinct runs of the first round of events. */
    private static List<String> firstRoundRuns(List<String> events) {
        return events.subList(0, FIXTURES.size()).stream()
                .map(ReplicasTest::runId)
                .distinct()
                .toList();
    }

    /** A dataset's lineage (or column lineage) as one replica answers it, nodes and edges sorted (order is not part of it). */
    private static String answer(
            ServiceProcess service, String query, List<String> dataset, Map<String, String> headers) {
        return answer(service, query, Map.of("ns", dataset.get(0), "name", dataset.get(1)), headers);
    }

    private static String answer(
            ServiceProcess service, String query, Map<String, Object> variables, Map<String, String> headers) {
        JsonNode answer = graphQl(service, query, variables, headers);
        assertThat(answer.path("errors").isMissingNode())
                .as("answer %s", answer)
                .isTrue();
        JsonNode lineage = answer.get("data").values().iterator().next();
        var nodes = new ArrayList<String>();
        lineage.get("nodes").forEach(n -> nodes.add(n.toString()));
        var edges = new ArrayList<String>();
        lineage.get("edges").forEach(e -> edges.add(e.toString()));
        return nodes.stream().sorted().toList() + "\n" + edges.stream().sorted().toList() + "\ntruncated "
                + lineage.get("truncated");
    }

    /** Every dataset the fixtures read or write, as namespace and name (the same in every round). */
    private static List<List<String>> datasets() {
        var datasets = new java.util.TreeSet<List<String>>(
                java.util.Comparator.comparing((List<String> d) -> d.get(0)).thenComparing(d -> d.get(1)));
        for (String fixture : FIXTURES) {
            JsonNode event = JSON.readTree(fixture);
            for (String side : List.of("inputs", "outputs")) {
                event.path(side)
                        .forEach(d -> datasets.add(List.of(
                                d.get("namespace").asString(), d.get("name").asString())));
            }
        }
        return List.copyOf(datasets);
    }

    private static String scrape(ServiceProcess service) {
        var response = send(HttpRequest.newBuilder(service.baseUri().resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build());
        assertThat(response.statusCode()).as("prometheus: %s", response.body()).isEqualTo(200);
        return response.body();
    }

    /** One request, its body as text; I/O failures unchecked (a retrying caller catches them). */
    private static HttpResponse<String> send(HttpRequest request) {
        return UncheckedHttp.send(HTTP, request, HttpResponse.BodyHandlers.ofString());
    }

    /** Real events: the Spark (column lineage) and Airflow sets, copied in rounds with run ids and times of their own. */
    private static List<String> events() {
        var events = new ArrayList<String>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String fixture : FIXTURES) {
                events.add(copy(fixture, round));
            }
        }
        return events;
    }

    private static List<String> fixtures() {
        var paths = new ArrayList<String>();
        IntStream.rangeClosed(1, 9).forEach(i -> paths.add("spark/compat-tests-cll/" + i + ".json"));
        IntStream.rangeClosed(1, 8).forEach(i -> paths.add("airflow/compat-tests-bq-dag/line_0" + i + ".json"));
        return paths.stream().map(Fixtures::text).toList();
    }

    /** A fixture in round {@code round}: its runs (and parent runs) renamed, its time {@code round} minutes later. */
    private static String copy(String fixture, int round) {
        var event = (ObjectNode) JSON.readTree(fixture);
        var run = (ObjectNode) event.get("run");
        run.put("runId", roundRunId(run.get("runId").asString(), round));
        JsonNode parentRun = run.path("facets").path("parent").path("run");
        if (parentRun instanceof ObjectNode parent && parent.hasNonNull("runId")) {
            parent.put("runId", roundRunId(parent.get("runId").asString(), round));
        }
        try {
            event.put(
                    "eventTime",
                    OffsetDateTime.parse(event.get("eventTime").asString())
                            .plusMinutes(round)
                            .toString());
        } catch (DateTimeParseException e) {
            // kept as it is: the run ids alone make the copy distinct
        }
        return event.toString();
    }

    private static String roundRunId(String runId, int round) {
        return UUID.nameUUIDFromBytes((runId + "/" + round).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String runId(String event) {
        return JSON.readTree(event).get("run").get("runId").asString();
    }

    /** The ids the service gives these events (their content hashes). */
    private static List<String> eventIds(List<String> events) {
        var parser = new EventParser();
        return events.stream()
                .map(e -> EventRecord.of(
                                parser.parse(e.getBytes(StandardCharsets.UTF_8)), EventSource.HTTP, Instant.now())
                        .id())
                .toList();
    }

    private static ServiceProcess service(Map<String, String> properties) {
        try {
            Path dataDir = Files.createTempDirectory("tributary-replica-");
            // Warmed up as deployed: the reads below wait for projection as long as the product's default (5 s), and a
            // replica's first windows planned cold took longer (ServiceProcess turns the warm-up off otherwise)
            var withWarmUp = new HashMap<>(properties);
            withWarmUp.put("tributary.ingest.warm-up", "true");
            var service = ServiceProcess.start(dataDir, withWarmUp, READY);
            synchronized (started) {
                started.add(service::kill);
            }
            return service;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A 201: the log position it carried. */
    private record Acknowledged(long position) {}

    private static Acknowledged post(ServiceProcess service, String event) {
        return post(service, "/api/v1/lineage", event);
    }

    private static Acknowledged post(ServiceProcess service, String path, String event) {
        var response = send(HttpRequest.newBuilder(service.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build());
        // The batch endpoint answers 200 with its per-event report, as the OpenLineage spec has it.
        if (response.statusCode() != (path.endsWith("/batch") ? 200 : 201)) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        return new Acknowledged(Long.parseLong(
                response.headers().firstValue(ReadYourWrites.POSITION).orElseThrow()));
    }

    /**
     * Delivers an event as a client that retries does: to replica {@code to}, or to the other one when that one is
     * dead or does not answer (a connection cut by the kill). Returns the replica that acknowledged it.
     */
    private static int deliver(List<ServiceProcess> replicas, Set<Integer> dead, int to, String event) {
        for (int attempt = 0; attempt < 60; attempt++) {
            int target = dead.contains(to) ? 1 - to : to;
            try {
                post(replicas.get(target), event);
                return target;
            } catch (RuntimeException e) {
                to = 1 - target;
                sleep(200);
            }
        }
        throw new IllegalStateException("not acknowledged by either replica");
    }

    /** Which replica projects (holds the lease), once one does. */
    private static int awaitProjector(List<ServiceProcess> replicas) {
        var holder = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    for (int r = 0; r < replicas.size(); r++) {
                        if (projection(replicas.get(r)).get("projecting").asBoolean()) {
                            holder.set(r);
                            return true;
                        }
                    }
                    return false;
                });
        return holder.get();
    }

    /** Until the service projects and has projected everything the log committed. */
    private static void awaitCaughtUp(ServiceProcess service, boolean tookOver) {
        var last = new AtomicReference<JsonNode>();
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        JsonNode p = projection(service);
                        last.set(p);
                        return p.get("projecting").asBoolean()
                                && p.get("projectedPosition").asLong()
                                        >= p.get("committedPosition").asLong()
                                && (!tookOver
                                        || p.get("leaseHolder")
                                                .asString()
                                                .equals(p.get("replica").asString()));
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not caught up: " + last.get() + "\n" + service.output(), e);
        }
    }

    private static JsonNode projection(ServiceProcess service) {
        return graphQl(
                        service,
                        "{ projection { projecting projectedPosition committedPosition leaseHolder replica } }",
                        Map.of(),
                        Map.of(ReadYourWrites.CONSISTENCY, "eventual"))
                .get("data")
                .get("projection");
    }

    /** Whether a GraphQL read on {@code service} sent with the position token sees the run, the wait complete. */
    private static boolean runOnReplica(ServiceProcess service, String runId, long position) {
        JsonNode answer = graphQl(
                service,
                "query($id: ID!) { run(id: $id) { id } }",
                Map.of("id", runId),
                Map.of(ReadYourWrites.POSITION, Long.toString(position)));
        assertThat(answer.path("extensions").path("projection").isMissingNode())
                .as("the read waited until the position was projected: %s", answer)
                .isTrue();
        return !answer.get("data").get("run").isNull();
    }

    private static JsonNode graphQl(
            ServiceProcess service, String query, Map<String, Object> variables, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(service.baseUri().resolve("/graphql"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
        headers.forEach(request::header);
        var response = send(request.build());
        assertThat(response.statusCode()).as("graphql: %s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(Driver driver, String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).list(r -> r.get("id").asString());
        }
    }

    /**
     * The canonical graph, without what legitimately differs between two stores' logs and projectors (and the numbers
     * of the replicas' soft delete, which the next rounds of events ended).
     */
    private static List<String> dump(Driver driver) {
        return EndToEndTest.canonicalGraph(
                driver,
                Set.of("EventLogHead", "ProjectionPosition", "ProjectorLease", "GraphChange", "GraphChangeCounter"),
                Set.of("logPosition"));
    }

    private static void phase(long began, String what) {
        System.out.printf(
                "ReplicasTest %6d ms: %s%n",
                Duration.ofNanos(System.nanoTime() - began).toMillis(), what);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
