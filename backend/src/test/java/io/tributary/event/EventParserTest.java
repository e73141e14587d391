package io.tributary.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The parser alone, no Spring: event time normalisation, content identity, leniency, violations, quality. */
class EventParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REQUIRED_ONLY = Fixtures.text("edge-cases/marquez__event_required_only.json");

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

    private final EventParser parser = new EventParser();

    /** 200 times drawn from a fixed seed: instants up to 2100, any nanosecond, any offset within ±18 h. */
    @Test
    void normalisesAnyRfc3339EventTimeToTheSameInstantInUtc() {
        var random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(4_102_444_800L), random.nextInt(1_000_000_000));
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            var sent = OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offsetMinutes * 60));

            LineageEvent event = parse(edit(REQUIRED_ONLY, e -> e.put("eventTime", RFC_3339.format(sent))));

            assertThat(event.eventTime()).as("sent %s", sent).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        }
    }

    @Test
    void readsAZonelessEventTimeAsUtc() {
        LineageEvent event = parse(Fixtures.text("edge-cases/marquez__event_required_no_timezone.json"));

        assertThat(event.eventTime()).isEqualTo(OffsetDateTime.parse("2020-12-28T19:51:01.641499Z"));
        assertThat(event.eventType()).isNull();
    }

    @Test
    void identifiesAnEventByItsContentNotItsFormatting() {
        String pretty = Fixtures.text("spark/compat-tests-cll/5.json");
        var reordered = (ObjectNode) JSON.readTree(pretty);
        reordered.set("job", reordered.remove("job"));

        LineageEvent first = parse(pretty);
        LineageEvent again = parse(reordered.toString());
        LineageEvent other = parse(edit(pretty, e -> e.put("eventType", "RUNNING")));

        assertThat(again.id()).isEqualTo(first.id()).matches("[0-9a-f]{64}");
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(again.json()).isEqualTo(reordered.toString());
    }

    @Test
    void takesNullFacetPropertiesAsAbsent() {
        String failed = Fixtures.fill(
                        Fixtures.events("dbt/ol-dbt-structured-logs/snowflake__failed_run_ol_events.json"))
                .events()
                .get(4);
        assertThat(failed).contains("\"stackTrace\":null");

        LineageEvent event = parse(failed);

        Facet error = event.run().facets().stream()
                .filter(f -> f.name().equals("errorMessage"))
                .findFirst()
                .orElseThrow();
        assertThat(error.properties()).containsEntry("stackTrace", null).containsEntry("errorLanguage", "sql");
        assertThat(error.json()).doesNotContain("stackTrace");
    }

    @Test
    void refusesANullRequiredFacetPropertyAsMissing() {
        String event = edit(
                REQUIRED_ONLY,
                e -> e.putObject("run")
                        .put("runId", "43d7db3b-8984-4cda-b237-8c6919b36670")
                        .putObject("facets")
                        .putObject("errorMessage")
                        .putNull("message")
                        .put("programmingLanguage", "sql"));

        assertThat(violations(event)).containsExactly("/run/facets/errorMessage/message");
    }

    @Test
    void refusesAFailingFacetEveryTimeEvenRightAfterAPassingContentOfItWasRemembered() {
        var parser = new EventParser();
        var meters = new SimpleMeterRegistry();
        parser.bindTo(meters);
        String passing = errorMessage("boom");
        String failing = errorMessage(null);

        parser.parse(passing.getBytes(StandardCharsets.UTF_8));
        assertThat(remembered(meters)).isEqualTo(1);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> parser.parse(failing.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(
                            InvalidEventException.class,
                            e -> assertThat(e.violations().stream().map(Violation::pointer))
                                    .containsExactly("/run/facets/errorMessage/message"));
        }
        // The failing content is never remembered; the passing one is remembered once however often it comes.
        parser.parse(passing.getBytes(StandardCharsets.UTF_8));
        assertThat(remembered(meters)).isEqualTo(1);
        assertThat(facetLookups(meters, "hit")).as("validations skipped").isEqualTo(1);
        assertThat(facetLookups(meters, "miss"))
                .as("validations: the first passing, both failing")
                .isEqualTo(3);
        assertThat(new EventParser(0)
                        .parse(passing.getBytes(StandardCharsets.UTF_8))
                        .id())
                .isEqualTo(
                        parser.parse(passing.getBytes(StandardCharsets.UTF_8)).id());
    }

    private static double remembered(SimpleMeterRegistry meters) {
        return meters.get("cache.size").tag("cache", "passed-facets").gauge().value();
    }

    private static double facetLookups(SimpleMeterRegistry meters, String result) {
        return meters.get("cache.gets")
                .tag("cache", "passed-facets")
                .tag("result", result)
                .functionCounter()
                .count();
    }

    private static String errorMessage(String message) {
        return edit(
                REQUIRED_ONLY,
                e -> e.putObject("run")
                        .put("runId", "43d7db3b-8984-4cda-b237-8c6919b36670")
                        .putObject("facets")
                        .putObject("errorMessage")
                        .put("message", message)
                        .put("programmingLanguage", "sql"));
    }

    @Test
    void namesNestedFieldsOfViolationsAsDottedPaths() {
        assertThat(new Violation("/outputs/0/facets/ownership/owners/0/name", "is required").field())
                .isEqualTo("outputs[0].facets.ownership.owners[0].name");
        assertThat(new Violation("/run/facets/a~1b~0c", "x").field()).isEqualTo("run.facets.a/b~c");
        assertThat(new Violation("", "x").field()).isEmpty();
    }

    @Test
    void countsDbtAssertionsSentAsInputFacetAndAsDatasetFacetOnce() {
        String start = Fixtures.events("dbt/ol-dbt-tests/no_test_metadata__result.json")
                .getFirst();

        LineageEvent.Quality quality = parse(start).inputs().getFirst().quality();

        assertThat(quality.assertions())
                .containsExactly(
                        new LineageEvent.Assertion("unique", "customer_id", false),
                        new LineageEvent.Assertion("not_null", "customer_id", false));
    }

    @Test
    void prefersTheStandardAssertionsFacetToGreatExpectationsOwn() {
        String ge = Fixtures.fill(
                        Fixtures.events("great_expectations/ol-airflow-integration-expected__great_expectations.json"),
                        "2021-06-30T12:00:00Z")
                .events()
                .getFirst();
        String both = edit(
                ge,
                e -> ((ObjectNode) e.get("inputs").get(0).get("inputFacets"))
                        .putObject("dataQualityAssertions")
                        .putArray("assertions")
                        .addObject()
                        .put("assertion", "row_count")
                        .put("success", false));

        assertThat(parse(ge).inputs().getFirst().quality().assertions()).hasSize(8);
        assertThat(parse(both).inputs().getFirst().quality().assertions())
                .containsExactly(new LineageEvent.Assertion("row_count", null, false));
    }

    /**
     * openlineage-spark 1.53 repeats the {@code processing_engine} run facet in some START events: a property repeated
     * with an equal value (nested objects included) is read once; repeated with another value it stays malformed.
     */
    @Test
    void acceptsARepeatedPropertyOnlyWhenBothValuesAreEqual() {
        String event = Fixtures.text("spark/compat-tests-cll/5.json").strip();
        var job = (ObjectNode) JSON.readTree(event).get("job");
        String sameJobTwice = "{\"job\": " + job + ", " + event.substring(1);
        String otherJobFirst = "{\"job\": " + job.deepCopy().put("name", "another_job") + ", " + event.substring(1);

        LineageEvent once = parse(event);
        LineageEvent twice = parse(sameJobTwice);
        assertThat(twice.id()).isEqualTo(once.id());
        assertThat(twice.job()).isEqualTo(once.job());
        assertThatThrownBy(() -> parse(otherJobFirst))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.violations())
                                .singleElement()
                                .extracting(Violation::detail)
                                .asString()
                                .startsWith("malformed JSON: Duplicate Object property \"job\" with different values"));
    }

    private LineageEvent parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> violations(String json) {
        var thrown = new InvalidEventException[1];
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(InvalidEventException.class, e -> thrown[0] = e);
        return thrown[0].violations().stream().map(Violation::pointer).toList();
    }

    private static String edit(String json, Consumer<ObjectNode> edit) {
        var event = (ObjectNode) JSON.readTree(json);
        edit.accept(event);
        return event.toString();
    }

    /** What the projector reads back from the log maps to the very event the intake accepted, for every fixture. */
    @Test
    void anAcceptedEventReadBackWithoutValidationMapsToTheEventThatWasAccepted() throws Exception {
        var root = java.nio.file.Path.of(
                EventParserTest.class.getResource("/openlineage-events").toURI());
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !root.relativize(f).startsWith("invalid"))
                    .sorted()
                    .toList();
        }
        int compared = 0;
        for (var file : files) {
            for (String json : Fixtures.events(root.relativize(file).toString())) {
                LineageEvent accepted;
                try {
                    accepted = parser.parse(json.getBytes(StandardCharsets.UTF_8));
                } catch (InvalidEventException refused) {
                    continue; // a template with placeholders, or an edge case refused on purpose
                }
                assertThat(parser.parseAccepted(json, accepted.id()))
                        .as("%s", file)
                        .isEqualTo(accepted);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void anAcceptedEventThatTheGraphCannotTakeStillFailsToBeQuarantined() {
        String noRunId = edit(REQUIRED_ONLY, e -> ((ObjectNode) e.get("run")).put("runId", "not-a-uuid"));

        assertThatThrownBy(() -> parser.parseAccepted(noRunId, "id"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("runId");
    }
}
