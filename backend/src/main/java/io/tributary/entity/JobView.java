package io.tributary.entity;

import io.tributary.store.DriverValues;
import io.tributary.store.JobKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * A job as the GraphQL API shows it: identity and the properties of its standard facets stored on the node. Source
 * code is not here: it is read only where the operator allows it (see {@code job/SourceCodePolicy}).
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

    public JobKey key() {
        return new JobKey(namespace, name);
    }

    public static JobView from(Record r) {
        String query = DriverValues.string(r.get("sql"));
        return new JobView(
                r.get("namespace").asString(),
                r.get("name").asString(),
                DriverValues.string(r.get("description")),
                DriverValues.string(r.get("jobType")),
                DriverValues.string(r.get("integration")),
                DriverValues.string(r.get("processingType")),
                DriverValues.strings(r.get("owners")),
                DriverValues.strings(r.get("tags")),
                query == null ? null : new Sql(query, DriverValues.string(r.get("sqlDialect"))),
                SourceCodeLocation.from(DriverValues.json(r.get("sourceCodeLocation"))),
                DriverValues.time(r.get("deletedAt")));
    }
}
