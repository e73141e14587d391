package io.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.archive.ArchivedJson;
import io.tributary.digest.Sha256;
import io.tributary.ingest.EventIntake;
import io.tributary.lineage.index.LineageIndex;
import io.tributary.projection.Projector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of end-to-end tests: the whole service on a random port with its real embedded Neo4j (one per test JVM, shared
 * through Spring's context cache), reached over HTTP and Bolt exactly as in production. The graph is emptied before
 * each test; schema constraints and migrations stay.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"tributary.api-key=" + EndToEndTest.API_KEY, "tributary.api-key-previous=" + EndToEndTest.OLD_KEY
        })
// 60 s, not the default 5 s: the first requests of a cold JVM (schema validators, query planning, JIT) can take
// longer than 5 s when several builds share the machine, which failed whichever test class happened to run first.
@AutoConfigureWebTestClient(timeout = "PT60S")
@AutoConfigureHttpGraphQlTester
public abstract class EndToEndTest {

    public static final String API_KEY = "test-key-current";
    public static final String OLD_KEY = "test-key-previous";

    /** The properties that identify a node of each label (its uniqueness constraint). */
    private static final Map<String, List<String>> KEYS = Map.of(
            "Namespace", List.of("name"),
            "Job", List.of("namespace", "name"),
            "Dataset", List.of("namespace", "name"),
            "Run", List.of("runId"),
            "Field", List.of("namespace", "dataset", "name"),
            "SchemaVersion", List.of("namespace", "dataset", "hash"),
            "QualityCheck", List.of("runId", "namespace", "dataset"),
            "JobVersion", List.of("namespace", "job", "hash"),
            "DatasetVersion", List.of("namespace", "dataset", "runId"),
            "Event", List.of("id"));

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected Driver driver;

    /** GraphQL over HTTP at /graphql, as clients and the UI use it. */
    @Autowired
    protected HttpGraphQlTester graphQl;

    @LocalServerPort
    protected int port;

    @Autowired
    private ObjectProvider<EventIntake> intake;

    @Autowired
    private ObjectProvider<Projector> projector;

    @Autowired
    private ObjectProvider<LineageIndex> lineageIndex;

    /** As generous as the clients' wait: on a loaded machine a cold service's first windows take seconds. */
    private static final Duration PROJECTION_WAIT = Duration.ofMinutes(2);

    /**
     * Each application context gets its own store: a test class with other settings starts a second context while the
     * first stays cached, and two embedded databases cannot share a directory.
     */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        Path dataDir = createDataDir();
        registry.add("tributary.data-dir", dataDir::toString);
    }

    /**
     * Client-side wait for a response. The 5 s default fails healthy requests on a loaded build machine (several
     * builds sharing two cores, a cold JVM planning its first queries); server-side limits are what tests check.
     */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);

    @BeforeEach
    void patientClients() {
        web = web.mutate().responseTimeout(RESPONSE_TIMEOUT).build();
        graphQl = graphQl.mutate()
                .webTestClient(client -> client.responseTimeout(RESPONSE_TIMEOUT))
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    /**
     * Empties the graph, once the projector (the default log mode) is through with what earlier tests acknowledged:
     * an event projected after the deletion would otherwise land in this test's graph. The projector's position in
     * the file log, like the migrations, is bookkeeping of the store and stays (the file log is not emptied); the Neo4j
     * log's events are nodes and go, and its position with them.
     */
    @BeforeEach
    protected void emptyGraph() {
        awaitProjection();
        try (var session = driver.session()) {
            session.run("""
                            MATCH (n) WHERE NOT n:Migration AND NOT (n:ProjectionPosition AND n.log <> 'neo4j')
                            CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS""").consume();
        }
        // The deletion bypassed the projector, which keeps the lineage index: load it again, as a rebuild does.
        LineageIndex index = lineageIndex.getIfAvailable();
        if (index != null && index.enabled()) {
            index.load();
        }
    }

    /**
     * With an event log (the default), ingest acknowledges once events are in the log and the projector puts them in
     * the graph after: a test that reads the graph over Bolt (which read-your-writes does not cover) first waits, with
     * the service's own {@link EventIntake#awaitProjection}, until every event acknowledged so far is projected. No
     * wait without a log, nor when a test stopped the projector (it reads what is there).
     */
    protected void awaitProjection() {
        EventIntake intake = this.intake.getIfAvailable();
        Projector running = projector.getIfAvailable();
        if (intake == null || running == null || !running.isRunning()) {
            return;
        }
        assertThat(intake.awaitProjection(PROJECTION_WAIT))
                .as("the projector passed every acknowledged event within %s", PROJECTION_WAIT)
                .isTrue();
    }

    /** The service's Prometheus scrape, as a scraper reads it. */
    protected String scrape() {
        return web.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** POSTs one event body (as text) to the ingest endpoint with the current API key. */
    protected WebTestClient.ResponseSpec post(String json) {
        return web.post()
                .uri("/api/v1/lineage")
                .header("Authorization", "Bearer " + API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** POSTs a JSON array of events to the batch endpoint with the current API key. */
    protected WebTestClient.ResponseSpec postBatch(String jsonArray) {
        return web.post()
                .uri("/api/v1/lineage/batch")
                .header("Authorization", "Bearer " + API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonArray)
                .exchange();
    }

    /** POSTs each event in turn, each of which must be accepted. */
    protected void postAll(List<String> events) {
        for (String event : events) {
            post(event).expectStatus().isCreated();
        }
    }

    /**
     * Asserts an RFC 9457 problem response with the status and returns its body; {@code errors} (when present) is a
     * list of {@code {pointer, field, detail}}.
     */
    protected Map<String, Object> problem(WebTestClient.ResponseSpec response, int status) {
        Map<String, Object> body = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull().containsEntry("status", status);
        return body;
    }

    /** The JSON Pointers named by the {@code errors} of a problem body. */
    @SuppressWarnings("unchecked")
    protected static List<String> pointers(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.getOrDefault("errors", List.of()))
                .stream().map(e -> (String) e.get("pointer")).toList();
    }

    /** Runs a read query directly against the graph, for exact assertions on what ingestion wrote. */
    protected List<Map<String, Object>> query(String cypher, Map<String, Object> parameters) {
        awaitProjection();
        try (var session = driver.session()) {
            return session.run(cypher, parameters).list(r -> r.asMap());
        }
    }

    private static List<Map<String, Object>> query(Driver source, String cypher) {
        try (var session = source.session()) {
            return session.run(cypher).list(r -> r.asMap());
        }
    }

    protected List<Map<String, Object>> query(String cypher) {
        return query(cypher, Map.of());
    }

    /**
     * Forgets that the migrations whose version starts with {@code prefix} were applied, as on a store from before
     * them: the next start (or {@code GraphStore.afterPropertiesSet()}) applies them again.
     */
    protected void forgetMigrations(String prefix) {
        query("MATCH (m:Migration) WHERE m.version STARTS WITH $prefix DELETE m", Map.of("prefix", prefix));
    }

    /** The single value of a query that returns one row with one column. */
    protected Object single(String cypher, Map<String, Object> parameters) {
        var rows = query(cypher, parameters);
        assertThat(rows).as("rows of %s", cypher).hasSize(1);
        assertThat(rows.getFirst()).as("columns of %s", cypher).hasSize(1);
        return rows.getFirst().values().iterator().next();
    }

    protected Object single(String cypher) {
        return single(cypher, Map.of());
    }

    /** The number a counting query returns (one row, one column). */
    protected long count(String cypher) {
        return ((Number) single(cypher)).longValue();
    }

    /** A soft delete over REST, as an operator makes one: {@code kind} is {@code datasets} or {@code jobs}. */
    protected WebTestClient.ResponseSpec deleteOverRest(String kind, String namespace, String name) {
        return web.delete()
                .uri("/api/v1/namespaces/{ns}/" + kind + "/{name}", namespace, name)
                .header("Authorization", "Bearer " + API_KEY)
                .exchange();
    }

    /**
     * Every node of the graph (migration and projection bookkeeping, and the numbers of changes made outside the log,
     * aside), for "nothing was written" assertions.
     */
    protected long countNodes() {
        return (Long) single("MATCH (n) WHERE NOT n:Migration AND NOT n:ProjectionPosition AND NOT n:GraphChange"
                + " AND NOT n:GraphChangeCounter RETURN count(n) AS n");
    }

    /**
     * The whole graph as sorted text: each node with its labels and properties (except {@code receivedAt}, the
     * wall-clock arrival time), each relationship with its type, properties and the keys of both ends. Two graphs are
     * identical exactly when their dumps are equal.
     */
    protected List<String> canonicalGraph() {
        awaitProjection();
        return canonicalGraph(driver);
    }

    /** {@link #canonicalGraph()} of another store, such as a second service's. */
    protected static List<String> canonicalGraph(Driver source) {
        return canonicalGraph(source, Set.of(), Set.of());
    }

    /**
     * {@link #canonicalGraph(Driver)} without the nodes of {@code skippedLabels} (which have no relationships) and
     * without the node properties {@code skippedProperties}: bookkeeping that legitimately differs between two stores.
     */
    public static List<String> canonicalGraph(Driver source, Set<String> skippedLabels, Set<String> skippedProperties) {
        var lines = new ArrayList<String>();
        for (var row : query(source, """
                MATCH (n) WHERE NOT n:Migration AND NOT n:ProjectionPosition
                RETURN labels(n) AS labels, properties(n) AS properties""")) {
            @SuppressWarnings("unchecked")
            var labels = (List<String>) row.get("labels");
            if (labels.stream().anyMatch(skippedLabels::contains)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            var properties = new TreeMap<>((Map<String, Object>) row.get("properties"));
            properties.remove("receivedAt");
            properties.keySet().removeAll(skippedProperties);
            // The archived body is compared by digest, which keeps a failing comparison readable, and under one key
            // whether it is stored as text (older versions) or compressed.
            properties.computeIfPresent("json", (k, json) -> "sha256:" + Sha256.hex(json.toString()));
            if (properties.remove("jsonGzip") instanceof byte[] gzip) {
                properties.put("json", "sha256:" + Sha256.hex(ArchivedJson.decompress(gzip)));
            }
            lines.add(labels.stream().sorted().toList() + " " + properties);
        }
        for (var row : query(source, """
                MATCH (a)-[r]->(b)
                RETURN labels(a) AS fromLabels, properties(a) AS from, type(r) AS type, properties(r) AS properties,
                       labels(b) AS toLabels, properties(b) AS to""")) {
            lines.add("(" + key(row.get("fromLabels"), row.get("from")) + ")-[" + row.get("type") + " "
                    + new TreeMap<>(asMap(row.get("properties"))) + "]->(" + key(row.get("toLabels"), row.get("to"))
                    + ")");
        }
        lines.sort(null);
        return lines;
    }

    /** A result row as {@link #query} returns it; unlike {@link Map#of}, values may be null. */
    protected static Map<String, Object> row(Object... keysAndValues) {
        var row = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** A date-time as the driver returns stored ones, from RFC 3339 text. */
    protected static ZonedDateTime time(String text) {
        return OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static String key(Object labels, Object properties) {
        String label = ((List<String>) labels).getFirst();
        var key = new TreeMap<String, Object>();
        List<String> keyProperties = KEYS.get(label);
        if (keyProperties == null) {
            throw new IllegalStateException("No key known for label " + label + "; add it to EndToEndTest.KEYS");
        }
        for (String property : keyProperties) {
            key.put(property, asMap(properties).get(property));
        }
        return label + " " + key;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("tributary-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
