package io.tributary.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Jobs shaped like the Spark and Airflow fixtures, with column lineage on every output column: by default ({@link
 * Shape#CHURN}) 2–5 inputs and 2–5 outputs and schemas of 10–30 columns; {@link Shape#ESTATE} is the lighter 1–3
 * inputs, 1–2 outputs and 5–15 columns. Jobs are reused across runs (as a scheduler reruns them), so most writes update
 * existing datasets, fields and edges, as they do in production.
 */
final class Workload {

    static final String PRODUCER = "https://github.com/OpenLineage/OpenLineage/tree/1.19.0/integration/spark";

    /** How big jobs are: inputs, outputs and columns per dataset, each a range. */
    record Shape(int minInputs, int maxInputs, int minOutputs, int maxOutputs, int minColumns, int maxColumns) {

        /** Heavy events (~21 KB on average). */
        static final Shape CHURN = new Shape(2, 5, 2, 5, 10, 30);

        /** Events of 1–5 KB, like most real Spark and Airflow events. */
        static final Shape ESTATE = new Shape(1, 3, 1, 2, 5, 15);
    }

    record Dataset(String namespace, String name, List<String> fields) {}

    record Job(String namespace, String name, List<Dataset> inputs, List<Dataset> outputs) {}

    /** One OpenLineage run event as sent over HTTP, with the model it was rendered from. */
    record Event(Job job, UUID runId, String eventType, Instant time, String json) {}

    private final List<Job> jobs = new ArrayList<>();

    Workload(String prefix, int jobCount, int datasetCount, long seed) {
        this(prefix, jobCount, datasetCount, seed, Shape.CHURN);
    }

    Workload(String prefix, int jobCount, int datasetCount, long seed, Shape shape) {
        var random = new Random(seed);
        var datasets = new ArrayList<Dataset>();
        for (int i = 0; i < datasetCount; i++) {
            var fields = new ArrayList<String>();
            int n = shape.minColumns() + random.nextInt(shape.maxColumns() - shape.minColumns() + 1);
            for (int f = 0; f < n; f++) {
                fields.add("col_" + f);
            }
            String namespace = i % 2 == 0 ? "file" : "bigquery";
            datasets.add(new Dataset(namespace, prefix + ".warehouse.table_" + i, List.copyOf(fields)));
        }
        for (int j = 0; j < jobCount; j++) {
            var inputs = pick(
                    datasets, shape.minInputs() + random.nextInt(shape.maxInputs() - shape.minInputs() + 1), random);
            var outputs = pick(
                    datasets, shape.minOutputs() + random.nextInt(shape.maxOutputs() - shape.minOutputs() + 1), random);
            outputs.removeAll(inputs);
            if (outputs.isEmpty()) {
                outputs.add(datasets.get((j * 31 + 7) % datasets.size()));
                outputs.removeAll(inputs);
            }
            jobs.add(new Job(
                    j % 3 == 0 ? "bench-airflow" : "bench-spark",
                    prefix + ".dag_" + (j / 10) + ".task_" + j,
                    List.copyOf(inputs),
                    List.copyOf(outputs)));
        }
    }

    private static ArrayList<Dataset> pick(List<Dataset> all, int n, Random random) {
        var chosen = new ArrayList<Dataset>();
        while (chosen.size() < n) {
            Dataset d = all.get(random.nextInt(all.size()));
            if (!chosen.contains(d)) {
                chosen.add(d);
            }
        }
        return chosen;
    }

    Job job(long i) {
        return jobs.get((int) (i % jobs.size()));
    }

    /** START and COMPLETE of one run, a few seconds apart. */
    static List<Event> run(Job job, UUID runId, Instant start) {
        Instant end = start.plusMillis(4_321);
        return List.of(
                new Event(job, runId, "START", start, json(job, runId, "START", start)),
                new Event(job, runId, "COMPLETE", end, json(job, runId, "COMPLETE", end)));
    }

    private static String json(Job job, UUID runId, String type, Instant time) {
        var b = new StringBuilder(8192);
        b.append("{\"eventType\":\"")
                .append(type)
                .append("\",\"eventTime\":\"")
                .append(time)
                .append("\",\"producer\":\"")
                .append(PRODUCER)
                .append("\",\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\",")
                .append("\"run\":{\"runId\":\"")
                .append(runId)
                .append("\",\"facets\":{}},\"job\":{\"namespace\":\"")
                .append(job.namespace())
                .append("\",\"name\":\"")
                .append(job.name())
                .append("\",\"facets\":{\"jobType\":{")
                .append(facetHeader("2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet"))
                .append(",\"processingType\":\"BATCH\",\"integration\":\"SPARK\",\"jobType\":\"JOB\"}}},")
                .append("\"inputs\":[");
        for (int i = 0; i < job.inputs().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            dataset(b, job.inputs().get(i), null);
        }
        b.append("],\"outputs\":[");
        for (int i = 0; i < job.outputs().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            dataset(b, job.outputs().get(i), job.inputs());
        }
        return b.append("]}").toString();
    }

    private static void dataset(StringBuilder b, Dataset d, List<Dataset> lineageFrom) {
        b.append("{\"namespace\":\"")
                .append(d.namespace())
                .append("\",\"name\":\"")
                .append(d.name())
                .append("\",\"facets\":{\"schema\":{")
                .append(facetHeader("1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet"))
                .append(",\"fields\":[");
        for (int i = 0; i < d.fields().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"name\":\"")
                    .append(d.fields().get(i))
                    .append("\",\"type\":\"")
                    .append(i % 3 == 0 ? "string" : "long")
                    .append("\"}");
        }
        b.append("]}");
        if (lineageFrom != null) {
            b.append(",\"columnLineage\":{")
                    .append(facetHeader("1-1-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet"))
                    .append(",\"fields\":{");
            for (int i = 0; i < d.fields().size(); i++) {
                Lineage l = lineage(d, i, lineageFrom);
                if (i > 0) {
                    b.append(',');
                }
                b.append('"')
                        .append(d.fields().get(i))
                        .append("\":{\"inputFields\":[{\"namespace\":\"")
                        .append(l.from().namespace())
                        .append("\",\"name\":\"")
                        .append(l.from().name())
                        .append("\",\"field\":\"")
                        .append(l.field())
                        .append("\",\"transformations\":[{\"type\":\"DIRECT\",\"subtype\":\"IDENTITY\",")
                        .append("\"description\":\"\",\"masking\":false}]}]}");
            }
            b.append("}}");
        }
        b.append("}}");
    }

    /** Output column i of d is derived from one column of one input (deterministic, so reruns hit the same edges). */
    record Lineage(Dataset from, String field) {}

    static Lineage lineage(Dataset output, int i, List<Dataset> inputs) {
        Dataset from = inputs.get(i % inputs.size());
        return new Lineage(from, from.fields().get(i % from.fields().size()));
    }

    private static String facetHeader(String schema) {
        return "\"_producer\":\"" + PRODUCER + "\",\"_schemaURL\":\"https://openlineage.io/spec/facets/" + schema
                + "\"";
    }
}
