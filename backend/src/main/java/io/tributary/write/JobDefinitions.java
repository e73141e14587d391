package io.tributary.write;

import io.tributary.digest.Sha256;
import io.tributary.event.Facet;
import io.tributary.store.DriverValues;
import io.tributary.store.JobKey;
import io.tributary.store.RunId;
import io.tributary.write.IngestRows.JobDefinition;
import io.tributary.write.IngestRows.JobVersionRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * What a job version is: the content hash of its input and output dataset identities and its {@code sql},
 * {@code sourceCodeLocation} and {@code jobType} facets. The facets' values, not their JSON, so that a client upgrade
 * that changes {@code _producer} makes no new version.
 */
final class JobDefinitions {

    private static final Comparator<List<String>> BY_KEY =
            Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1));

    private JobDefinitions() {}

    /** The value a defining facet contributes; null for a facet that does not define a version. */
    static String value(Facet facet) {
        var p = facet.properties();
        return switch (facet.name()) {
            case "sql" -> join(p.get("sql"));
            case "sourceCodeLocation" ->
                join(
                        p.get("sourceCodeType"),
                        p.get("sourceCodeUrl"),
                        p.get("sourceCodeRepoUrl"),
                        p.get("sourceCodePath"),
                        p.get("sourceCodeVersion"));
            case "jobType" -> join(p.get("jobType"), p.get("integration"), p.get("processingType"));
            default -> null;
        };
    }

    /** The version row of each run run-versions answered: its datasets and definition, hashed. */
    static List<JobVersionRow> of(List<Record> runs) {
        var rows = new ArrayList<JobVersionRow>(runs.size());
        for (Record r : runs) {
            List<List<String>> inputs = keys(r.get("inputs"));
            List<List<String>> outputs = keys(r.get("outputs"));
            var definition = new JobDefinition(
                    inputs.stream().map(k -> k.get(0)).toList(),
                    inputs.stream().map(k -> k.get(1)).toList(),
                    outputs.stream().map(k -> k.get(0)).toList(),
                    outputs.stream().map(k -> k.get(1)).toList(),
                    DriverValues.string(r.get("sql")),
                    DriverValues.string(r.get("sourceCodeLocation")),
                    DriverValues.string(r.get("jobType")));
            rows.add(new JobVersionRow(
                    new RunId(UUID.fromString(r.get("runId").asString())),
                    new JobKey(r.get("namespace").asString(), r.get("jobName").asString()),
                    hash(definition),
                    definition));
        }
        return rows;
    }

    /** Unambiguous text of a definition (NUL never occurs in names or facet values), hashed. */
    static String hash(JobDefinition d) {
        var text = new StringBuilder();
        for (var part : List.of(d.inputNamespaces(), d.inputNames(), d.outputNamespaces(), d.outputNames())) {
            text.append(String.join("\u0000", part)).append('\u0001');
        }
        Stream.of(d.sql(), d.sourceCodeLocation(), d.jobType())
                .forEach(v -> text.append(v == null ? "\u0002" : v).append('\u0001'));
        return Sha256.hex(text.toString());
    }

    private static List<List<String>> keys(Value value) {
        return value.asList(v -> List.of(v.get(0).asString(), v.get(1).asString())).stream()
                .sorted(BY_KEY)
                .toList();
    }

    private static String join(Object... parts) {
        return Stream.of(parts).map(p -> Objects.toString(p, "")).collect(Collectors.joining("\u0000"));
    }
}
