package io.tributary.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's events: OpenLineage output recorded from real integrations, shipped in the jar under
 * {@code samples/openlineage/} (copied from the test fixtures; their README names each file's source). Complete
 * recordings go in byte for byte. Integration tests' expected events lack what a test harness matched loosely (run
 * ids, event times, some values): those are filled here, always the same way, so that every start sends identical
 * events and a restart adds nothing (an event's id is its content hash).
 */
final class DemoEvents {

    static final String FOLDER = "samples/openlineage/";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNRECORDED = "unrecorded";

    /** Extra seconds the copy task of each replayed day of the BigQuery DAG took, the last day far longer. */
    private static final double[] COPY_DELAY_SECONDS = {0.6, 1.3, 0.2, 0.9, 0.4, 95};

    private DemoEvents() {}

    /** Every demo event as the body a client would POST, in the order they are sent. */
    static List<String> all() {
        var events = new ArrayList<String>();
        // Spark 3.5: a CTAS with JOIN, GROUP BY and FILTER; column lineage with transformations, symlinks, and a
        // child run that has a COMPLETE but no START.
        IntStream.rangeClosed(1, 9).forEach(i -> events.add(text("spark/compat-tests-cll/" + i + ".json")));
        // Spark on Dataproc reading a BigQuery public table; long RUNNING sequences.
        for (String time : List.of(
                "1729097588979",
                "1729097613451",
                "1729097615509",
                "1729097623495",
                "1729097624017",
                "1729097626748",
                "1729097627366",
                "1729097627541",
                "1729097627979",
                "1729097628444",
                "1729097631761",
                "1729097631884")) {
            events.add(text("spark/compat-tests-dataproc-bigquery/" + time + ".json"));
        }
        // Airflow: DAG "BQ" (GCS → BigQuery, copy, BigQuery → GCS), then the same DAG on the six following days.
        events.addAll(airflowBigQueryDag());
        // Airflow: a PythonOperator DAG whose tasks report their source code.
        for (String line : List.of("09", "10", "11", "12")) {
            events.add(text("airflow/compat-tests-python-dag/line_" + line + ".json"));
        }
        // Airflow: PostgresOperator tasks with their SQL and column lineage (expected events: no run ids or times).
        events.addAll(filled("airflow/ol-integration-expected/postgres.json", "2024-11-26T14:00:00Z"));
        // dbt on Snowflake: model "orders" runs (SQL, Snowflake query ids), then fails three minutes later.
        events.addAll(filled("dbt/ol-dbt-structured-logs/snowflake__successful_run_ol_events.json", null));
        events.addAll(filled("dbt/ol-dbt-structured-logs/snowflake__failed_run_ol_events.json", null));
        // dbt test on Postgres and on Snowflake: assertions per column, failing tests.
        events.addAll(filled("dbt/ol-dbt-structured-logs/postgres__test_ol_events.json", null));
        events.addAll(filled("dbt/ol-dbt-tests/no_test_metadata__result.json", null));
        // Great Expectations validations: row counts, column metrics, one table with failed expectations.
        events.addAll(filled(
                "great_expectations/ol-airflow-integration-expected__great_expectations.json", "2024-11-26T14:10:00Z"));
        return List.copyOf(events);
    }

    /**
     * The recorded DAG run, then six replays of it one day apart: the same events with the times shifted (the
     * standard {@code nominalTime} facet too; Airflow's own custom facets keep the recorded values) and run ids of
     * their own. The copy task and what follows it end a little later each day, and on the sixth far later: a slow
     * run that stands out from the runs before it.
     */
    private static List<String> airflowBigQueryDag() {
        var files = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> "airflow/compat-tests-bq-dag/line_0" + i + ".json")
                .toList();
        var events = new ArrayList<String>();
        files.forEach(f -> events.add(text(f)));
        for (int day = 1; day <= COPY_DELAY_SECONDS.length; day++) {
            for (String file : files) {
                var event = (ObjectNode) JSON.readTree(text(file));
                // line_05 is the copy task's COMPLETE; the download task and the DAG's COMPLETE come after it.
                boolean afterCopy = file.compareTo("airflow/compat-tests-bq-dag/line_05.json") >= 0;
                Duration shift =
                        Duration.ofDays(day).plusMillis(afterCopy ? Math.round(COPY_DELAY_SECONDS[day - 1] * 1000) : 0);
                shiftTimes(event, shift);
                String salt = "airflow/compat-tests-bq-dag day " + day;
                var run = (ObjectNode) event.get("run");
                run.put("runId", derived(salt, run.get("runId").asString()));
                JsonNode parentRun = run.path("facets").path("parent").path("run");
                if (parentRun instanceof ObjectNode parent) {
                    parent.put("runId", derived(salt, parent.get("runId").asString()));
                }
                events.add(event.toString());
            }
        }
        return events;
    }

    /**
     * The events of a file of expected events with what the recording left open filled in: a run id that is a
     * placeholder or missing (so is a missing {@code run}) becomes one derived from the file and the job (so a run's START and COMPLETE agree and a
     * child's {@code parent} facet names its parent's run), a missing event time becomes {@code firstTime} plus one
     * second per event, a date-time placeholder the event's time, any other placeholder {@value #UNRECORDED}.
     */
    private static List<String> filled(String file, String firstTime) {
        var root = JSON.readTree(text(file));
        var events = new ArrayList<String>();
        for (int i = 0; i < root.size(); i++) {
            var event = (ObjectNode) root.get(i);
            if (!event.has("eventTime")) {
                event.put("eventTime", Instant.parse(firstTime).plusSeconds(i).toString());
            }
            var run = event.get("run") instanceof ObjectNode recorded ? recorded : event.putObject("run");
            if (isPlaceholder(run.get("runId"))) {
                run.put("runId", derived(file, jobKey(event.get("job"))));
            }
            JsonNode parent = run.path("facets").path("parent");
            if (parent.path("run") instanceof ObjectNode parentRun && isPlaceholder(parentRun.get("runId"))) {
                parentRun.put("runId", derived(file, jobKey(parent.get("job"))));
            }
            replacePlaceholders(event, event.get("eventTime").asString());
            events.add(event.toString());
        }
        return events;
    }

    private static void shiftTimes(ObjectNode event, Duration shift) {
        event.put("eventTime", shifted(event.get("eventTime").asString(), shift));
        JsonNode nominal = event.path("run").path("facets").path("nominalTime");
        if (nominal instanceof ObjectNode facet) {
            for (String name : List.of("nominalStartTime", "nominalEndTime")) {
                if (facet.path(name).isString()) {
                    facet.put(name, shifted(facet.get(name).asString(), shift));
                }
            }
        }
    }

    private static String shifted(String time, Duration shift) {
        return OffsetDateTime.parse(time).plus(shift).toString();
    }

    private static String derived(String salt, String key) {
        return UUID.nameUUIDFromBytes(("tributary-demo|" + salt + "|" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String jobKey(JsonNode job) {
        return job.path("namespace").asString() + "/" + job.path("name").asString();
    }

    private static boolean isPlaceholder(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return true;
        }
        String text = value.isString() ? value.asString() : "";
        return text.startsWith("{{") && text.endsWith("}}");
    }

    private static void replacePlaceholders(JsonNode node, String eventTime) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (value.isString() && isPlaceholder(value)) {
                    object.put(name, value.asString().contains("is_datetime") ? eventTime : UNRECORDED);
                } else {
                    replacePlaceholders(value, eventTime);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> replacePlaceholders(element, eventTime));
        }
    }

    /** A bundled recording as it is, e.g. {@code spark/compat-tests-cll/5.json}. */
    static String text(String path) {
        try (InputStream in = DemoEvents.class.getClassLoader().getResourceAsStream(FOLDER + path)) {
            if (in == null) {
                throw new IllegalStateException("The jar holds no " + FOLDER + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
