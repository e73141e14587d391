package io.tributary.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two named ingest workloads of {@code -Dbench.mode=ingest}, each a function of a seed and a run number only, so
 * every concurrency level sends the same kind of events and a rerun with the same seed sends the same events.
 *
 * <ul>
 *   <li>{@code estate}: a fixed estate of 500 jobs (50 DAGs of 10 tasks; a third Airflow tasks, the rest Spark jobs)
 *       over 1,000 datasets, rerun as a scheduler does: run n is job n mod 500 in cycle n / 500, whose DAG run is its
 *       parent. Events are shaped like the real Spark and Airflow fixtures: 1–3 inputs, 1–2 outputs, 5–15 columns,
 *       parent, processing engine and integration facets, START, 0–2 RUNNING (no datasets, as Spark's progress events
 *       often have none), COMPLETE with column lineage and output statistics. 1% of runs add a column to their first
 *       output (a new schema version; the job's next run sends the usual schema again).
 *   <li>{@code churn}: the heavy events of the service benchmark ({@link Workload}, 400 jobs over 1,000 datasets, 2–5
 *       inputs and outputs, 10–30 columns, column lineage on every output column, START and COMPLETE) with new schemas
 *       often: 20% of runs add a column to their first output.
 * </ul>
 */
final class NamedWorkload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPARK = "https://github.com/OpenLineage/OpenLineage/tree/1.19.0/integration/spark";
    private static final String AIRFLOW = "https://github.com/apache/airflow/tree/providers-openlineage/1.14.0";
    private static final String FACETS = "https://openlineage.io/spec/facets/";
    private static final String RUN_FACET = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunFacet";
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    /** One run's events in the order a client sends them; the last one is terminal. */
    record Run(long n, UUID runId, List<String> events) {}

    private final String name;
    private final long seed;
    private final Workload estate;
    private final boolean rich;
    private final int maxRunning;
    private final int schemaChangePercent;

    private NamedWorkload(
            String name, long seed, Workload estate, boolean rich, int maxRunning, int schemaChangePercent) {
        this.name = name;
        this.seed = seed;
        this.estate = estate;
        this.rich = rich;
        this.maxRunning = maxRunning;
        this.schemaChangePercent = schemaChangePercent;
    }

    static NamedWorkload named(String name, long seed) {
        return switch (name) {
            case "estate" ->
                new NamedWorkload(
                        name, seed, new Workload("estate", 500, 1_000, seed, Workload.Shape.ESTATE), true, 2, 1);
            case "churn" ->
                new NamedWorkload(
                        name, seed, new Workload("churn", 400, 1_000, seed, Workload.Shape.CHURN), false, 0, 20);
            default -> throw new IllegalArgumentException("unknown workload " + name + "; estate or churn");
        };
    }

    String name() {
        return name;
    }

    /** Run n: which job, its run id, how many RUNNING events and whether its schema changes follow from (seed, n). */
    Run run(long n) {
        var random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        Workload.Job job = estate.job(n);
        long cycle = n / jobCount();
        UUID runId = uuid("run", n);
        int running = maxRunning == 0 ? 0 : random.nextInt(maxRunning + 1);
        boolean schemaChange = random.nextInt(100) < schemaChangePercent;
        Instant start = BASE.plusSeconds(60 * n);
        var events = new ArrayList<String>(2 + running);
        events.add(render(job, n, cycle, runId, "START", start, schemaChange, random));
        for (int i = 1; i <= running; i++) {
            events.add(render(job, n, cycle, runId, "RUNNING", start.plusSeconds(10L * i), schemaChange, random));
        }
        events.add(render(job, n, cycle, runId, "COMPLETE", start.plusSeconds(40), schemaChange, random));
        return new Run(n, runId, List.copyOf(events));
    }

    private int jobCount() {
        return name.equals("estate") ? 500 : 400;
    }

    private UUID uuid(String kind, long n) {
        return UUID.nameUUIDFromBytes((name + ":" + seed + ":" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    private String render(
            Workload.Job job,
            long n,
            long cycle,
            UUID runId,
            String type,
            Instant time,
            boolean schemaChange,
            SplittableRandom random) {
        boolean airflow = rich && job.namespace().equals("bench-airflow");
        String producer = airflow ? AIRFLOW : SPARK;
        ObjectNode event = JSON.createObjectNode()
                .put("eventType", type)
                .put("eventTime", time.toString())
                .put("producer", producer)
                .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        ObjectNode run = event.putObject("run").put("runId", runId.toString());
        ObjectNode runFacets = run.putObject("facets");
        ObjectNode jobNode =
                event.putObject("job").put("namespace", job.namespace()).put("name", job.name());
        ObjectNode jobType = facet(
                        jobNode.putObject("facets"), "jobType", producer, FACETS + "2-0-3/JobTypeJobFacet.json")
                .put("processingType", "BATCH");
        if (!rich) {
            jobType.put("integration", "SPARK").put("jobType", "JOB");
        } else {
            String dag = job.name().substring(0, job.name().indexOf(".task_"));
            ObjectNode parent = facet(runFacets, "parent", producer, FACETS + "1-0-1/ParentRunFacet.json");
            parent.putObject("run").put("runId", uuid("dag-" + dag, cycle).toString());
            parent.putObject("job").put("namespace", "bench-airflow").put("name", dag);
            facet(runFacets, "processing_engine", producer, FACETS + "1-1-1/ProcessingEngineRunFacet.json")
                    .put("version", airflow ? "2.10.2" : "3.5.1")
                    .put("name", airflow ? "Airflow" : "spark")
                    .put("openlineageAdapterVersion", airflow ? "1.14.0" : "1.19.0");
            if (airflow) {
                jobType.put("integration", "AIRFLOW").put("jobType", "TASK");
                String nominal = BASE.plusSeconds(3600 * cycle).toString();
                facet(runFacets, "nominalTime", producer, FACETS + "1-0-1/NominalTimeRunFacet.json")
                        .put("nominalStartTime", nominal)
                        .put("nominalEndTime", nominal);
                ObjectNode facet = facet(runFacets, "airflow", producer, RUN_FACET);
                facet.putObject("dag").put("dag_id", dag).put("owner", "data-eng");
                facet.putObject("task")
                        .put("task_id", job.name().substring(dag.length() + 1))
                        .put("operator_class", "BigQueryInsertJobOperator");
            } else {
                jobType.put("integration", "SPARK").put("jobType", "SQL_JOB");
                facet(runFacets, "spark_properties", producer, RUN_FACET)
                        .putObject("properties")
                        .put("spark.master", "yarn")
                        .put("spark.app.name", job.name());
            }
        }
        // Spark's progress events often carry no datasets; START and COMPLETE carry them all.
        if (rich && type.equals("RUNNING")) {
            event.putArray("inputs");
            event.putArray("outputs");
            return JSON.writeValueAsString(event);
        }
        boolean complete = type.equals("COMPLETE");
        ArrayNode inputs = event.putArray("inputs");
        for (Workload.Dataset d : job.inputs()) {
            dataset(inputs.addObject(), d, d.fields(), null, producer, false, random);
        }
        ArrayNode outputs = event.putArray("outputs");
        for (int i = 0; i < job.outputs().size(); i++) {
            Workload.Dataset d = job.outputs().get(i);
            List<String> fields = d.fields();
            if (schemaChange && i == 0) {
                fields = new ArrayList<>(fields);
                fields.add("added_" + n);
            }
            // Spark sends column lineage with the COMPLETE event; the churn workload sends it with every event.
            dataset(
                    outputs.addObject(),
                    d,
                    fields,
                    complete || !rich ? job.inputs() : null,
                    producer,
                    rich && complete,
                    random);
        }
        return JSON.writeValueAsString(event);
    }

    private void dataset(
            ObjectNode node,
            Workload.Dataset d,
            List<String> fields,
            List<Workload.Dataset> lineageFrom,
            String producer,
            boolean statistics,
            SplittableRandom random) {
        node.put("namespace", d.namespace()).put("name", d.name());
        ObjectNode facets = node.putObject("facets");
        if (rich && lineageFrom != null) {
            facet(facets, "dataSource", producer, FACETS + "1-0-1/DatasourceDatasetFacet.json")
                    .put("name", d.namespace())
                    .put("uri", d.namespace().equals("file") ? "file" : "bigquery");
        }
        ArrayNode schema = facet(facets, "schema", producer, FACETS + "1-1-1/SchemaDatasetFacet.json")
                .putArray("fields");
        for (int i = 0; i < fields.size(); i++) {
            schema.addObject().put("name", fields.get(i)).put("type", i % 3 == 0 ? "string" : "long");
        }
        if (lineageFrom != null) {
            ObjectNode columns = facet(
                            facets, "columnLineage", producer, FACETS + "1-1-0/ColumnLineageDatasetFacet.json")
                    .putObject("fields");
            for (int i = 0; i < fields.size(); i++) {
                Workload.Lineage l = Workload.lineage(d, i, lineageFrom);
                ObjectNode input = columns.putObject(fields.get(i))
                        .putArray("inputFields")
                        .addObject()
                        .put("namespace", l.from().namespace())
                        .put("name", l.from().name())
                        .put("field", l.field());
                ObjectNode transformation = input.putArray("transformations")
                        .addObject()
                        .put("type", "DIRECT")
                        .put("subtype", "IDENTITY");
                if (!rich) { // the service benchmark's events, unchanged
                    transformation.put("description", "").put("masking", false);
                }
            }
        }
        if (statistics) {
            ObjectNode out = node.putObject("outputFacets");
            facet(out, "outputStatistics", producer, FACETS + "1-0-2/OutputStatisticsOutputDatasetFacet.json")
                    .put("rowCount", 1_000 + random.nextInt(1_000_000))
                    .put("size", 100_000 + random.nextInt(100_000_000));
        }
    }

    private static ObjectNode facet(ObjectNode facets, String name, String producer, String schema) {
        String url = schema.contains("#") ? schema : schema + "#/$defs/" + definition(schema);
        return facets.putObject(name).put("_producer", producer).put("_schemaURL", url);
    }

    private static String definition(String schema) {
        String file = schema.substring(schema.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".json".length());
    }

    /** Prints the mean, min and max event size of the first runs of each workload (a quick check of the shapes). */
    public static void main(String[] args) {
        if (args.length == 2) {
            named(args[0], 42).run(Long.parseLong(args[1])).events().forEach(System.out::println);
            return;
        }
        for (String name : List.of("estate", "churn")) {
            var w = named(name, 42);
            long bytes = 0;
            long events = 0;
            long min = Long.MAX_VALUE;
            long max = 0;
            for (long n = 0; n < 2_000; n++) {
                for (String e : w.run(n).events()) {
                    long size = e.getBytes(StandardCharsets.UTF_8).length;
                    bytes += size;
                    events++;
                    min = Math.min(min, size);
                    max = Math.max(max, size);
                }
            }
            System.out.printf("%s: %,d events, mean %,d bytes (%,d–%,d)%n", name, events, bytes / events, min, max);
        }
    }
}
