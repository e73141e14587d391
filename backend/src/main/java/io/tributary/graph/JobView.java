package io.tributary.graph;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * A job as the GraphQL API shows it: identity and the properties of its standard facets stored on the node. Source
 * code is not here: it is read only where the operator allows it (see {@link SourceCodePolicy}).
 *
 * @param sql the sql facet, null without one
 * @param sourceCodeLocation the sourceCodeLocation facet, null without one
 * @param deletedAt when the job was soft-deleted, null while it is live
 */
public record JobView(
        String namespace,
        String name,
        String description,
        String jobType,
        String integration,
        String processingType,
        List<String> owners,
        List<String> tags,
        Sql sql,
        SourceCodeLocation sourceCodeLocation,
        OffsetDateTime deletedAt) {

    /** The query a job runs (sql facet). */
    public record Sql(String query, String dialect) {}

    /** Where a job's code lives (sourceCodeLocation facet). */
    public record SourceCodeLocation(
            String type, String url, String repoUrl, String path, String version, String tag, String branch) {

        static SourceCodeLocation from(Map<String, Object> facet) {
            return facet == null
                    ? null
                    : new SourceCodeLocation(
                            text(facet, "type"),
                            text(facet, "url"),
                            text(facet, "repoUrl"),
                            text(facet, "path"),
                            text(facet, "version"),
                            text(facet, "tag"),
                            text(facet, "branch"));
        }

        private static String text(Map<String, Object> facet, String field) {
            return facet.get(field) instanceof String s ? s : null;
        }
    }

    public Map<String, Object> key() {
        return Map.of("namespace", namespace, "name", name);
    }

    public static JobView from(Record r) {
        String query = Values.string(r.get("sql"));
        return new JobView(
                r.get("namespace").asString(),
                r.get("name").asString(),
                Values.string(r.get("description")),
                Values.string(r.get("jobType")),
                Values.string(r.get("integration")),
                Values.string(r.get("processingType")),
                Values.strings(r.get("owners")),
                Values.strings(r.get("tags")),
                query == null ? null : new Sql(query, Values.string(r.get("sqlDialect"))),
                SourceCodeLocation.from(Values.json(r.get("sourceCodeLocation"))),
                Values.time(r.get("deletedAt")));
    }
}
