package io.tributary.event;

import static io.tributary.event.Json.bool;
import static io.tributary.event.Json.dateTime;
import static io.tributary.event.Json.number;
import static io.tributary.event.Json.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Pulls queryable properties out of the standard facets. Only the facets named here are stored on graph nodes, which
 * keeps the set of node properties bounded whatever producers send; every facet stays in the raw event archive.
 */
final class FacetMapper {

    static final Set<String> RUN_FACETS = Set.of(
            "parent",
            "nominalTime",
            "errorMessage",
            "externalQuery",
            "processing_engine",
            "extractionError",
            "environmentVariables",
            "executionParameters",
            "jobDependencies",
            "tags",
            "test");
    static final Set<String> JOB_FACETS =
            Set.of("documentation", "ownership", "sql", "sourceCode", "sourceCodeLocation", "jobType", "tags");
    static final Set<String> DATASET_FACETS = Set.of(
            "schema",
            "columnLineage",
            "dataSource",
            "documentation",
            "ownership",
            "storage",
            "symlinks",
            "lifecycleStateChange",
            "version",
            "datasetType",
            "catalog",
            "hierarchy",
            "tags");

    private FacetMapper() {}

    static List<Facet> runFacets(JsonNode facets) {
        return collect(facets, RUN_FACETS, (name, f, p) -> {
            switch (name) {
                case "nominalTime" -> {
                    p.put("nominalStartTime", dateTime(text(f, "nominalStartTime")));
                    p.put("nominalEndTime", dateTime(text(f, "nominalEndTime")));
                }
                case "errorMessage" -> {
                    p.put("errorMessage", text(f, "message"));
                    p.put("errorLanguage", text(f, "programmingLanguage"));
                    p.put("stackTrace", text(f, "stackTrace"));
                }
                case "externalQuery" -> {
                    p.put("externalQueryId", text(f, "externalQueryId"));
                    p.put("externalQuerySource", text(f, "source"));
                }
                case "processing_engine" -> {
                    p.put("engineName", text(f, "name"));
                    p.put("engineVersion", text(f, "version"));
                    p.put("adapterVersion", text(f, "openlineageAdapterVersion"));
                }
                // A run's tags are only ever the facet's: no endpoint tags a run by hand.
                case "tags" -> p.put("tags", tags(f, false));
                default -> {}
            }
        });
    }

    static List<Facet> jobFacets(JsonNode facets) {
        return collect(facets, JOB_FACETS, (name, f, p) -> {
            switch (name) {
                case "sql" -> {
                    p.put("sql", text(f, "query"));
                    p.put("sqlDialect", text(f, "dialect"));
                }
                case "sourceCode" -> {
                    p.put("sourceCode", text(f, "sourceCode"));
                    p.put("sourceLanguage", text(f, "language"));
                }
                case "sourceCodeLocation" -> {
                    p.put("sourceCodeType", text(f, "type"));
                    p.put("sourceCodeUrl", text(f, "url"));
                    p.put("sourceCodeRepoUrl", text(f, "repoUrl"));
                    p.put("sourceCodePath", text(f, "path"));
                    p.put("sourceCodeVersion", text(f, "version"));
                }
                case "jobType" -> {
                    p.put("jobType", text(f, "jobType"));
                    p.put("integration", text(f, "integration"));
                    p.put("processingType", text(f, "processingType"));
                }
                case "documentation" -> p.put("description", text(f, "description"));
                case "ownership" -> p.put("owners", owners(f));
                case "tags" -> p.put("facetTags", tags(f, false));
                default -> {}
            }
        });
    }

    static List<Facet> datasetFacets(JsonNode facets) {
        return collect(facets, DATASET_FACETS, (name, f, p) -> {
            switch (name) {
                case "documentation" -> p.put("description", text(f, "description"));
                case "ownership" -> p.put("owners", owners(f));
                case "tags" -> {
                    // Entries naming a field tag that field; see Tags for how these join the tags set by hand.
                    p.put("facetTags", tags(f, false));
                    p.put("facetFieldTags", tags(f, true));
                }
                case "dataSource" -> {
                    p.put("dataSourceName", text(f, "name"));
                    p.put("dataSourceUri", text(f, "uri"));
                }
                case "storage" -> {
                    p.put("storageLayer", text(f, "storageLayer"));
                    p.put("fileFormat", text(f, "fileFormat"));
                }
                case "lifecycleStateChange" -> p.put("lifecycleState", text(f, "lifecycleStateChange"));
                case "version" -> p.put("datasetVersion", text(f, "datasetVersion"));
                case "datasetType" -> {
                    p.put("datasetType", text(f, "datasetType"));
                    p.put("datasetSubType", text(f, "subType"));
                }
                case "catalog" -> {
                    p.put("catalogName", text(f, "name"));
                    p.put("catalogFramework", text(f, "framework"));
                    p.put("catalogType", text(f, "type"));
                    p.put("catalogMetadataUri", text(f, "metadataUri"));
                    p.put("catalogWarehouseUri", text(f, "warehouseUri"));
                    p.put("catalogSource", text(f, "source"));
                }
                default -> {}
            }
        });
    }

    private static List<String> owners(JsonNode facet) {
        var owners = new ArrayList<String>();
        for (JsonNode owner : facet.path("owners")) {
            String name = text(owner, "name");
            if (name != null) {
                owners.add(name);
            }
        }
        return owners;
    }

    /**
     * The tags facet's entries as {@code key} (value empty or "true") or {@code key:value}, without duplicates; with
     * {@code fields}, only the entries naming a field, each as {@code field + Facet.FIELD_TAG_SEPARATOR + tag}, else only the
     * others.
     */
    private static List<String> tags(JsonNode facet, boolean fields) {
        var tags = new java.util.LinkedHashSet<String>();
        for (JsonNode tag : facet.path("tags")) {
            String key = text(tag, "key");
            String value = text(tag, "value");
            String field = text(tag, "field");
            if (key == null || (field != null) != fields) {
                continue;
            }
            String name = value == null || value.isEmpty() || value.equals("true") ? key : key + ":" + value;
            tags.add(fields ? field + Facet.FIELD_TAG_SEPARATOR + name : name);
        }
        return List.copyOf(tags);
    }

    /** The jobDependencies facet's upstream and downstream jobs; entries without a job name are skipped. */
    static List<LineageEvent.JobDependency> dependencies(JsonNode facet) {
        var dependencies = new ArrayList<LineageEvent.JobDependency>();
        if (facet == null || !facet.isObject() || Boolean.TRUE.equals(bool(facet, "_deleted"))) {
            return dependencies;
        }
        for (String direction : List.of("upstream", "downstream")) {
            for (JsonNode d : facet.path(direction)) {
                String namespace = text(d.path("job"), "namespace");
                String name = text(d.path("job"), "name");
                if (namespace != null && name != null) {
                    dependencies.add(new LineageEvent.JobDependency(
                            direction.equals("upstream"),
                            namespace,
                            name,
                            text(d, "dependency_type"),
                            text(d, "sequence_trigger_rule"),
                            text(d, "status_trigger_rule")));
                }
            }
        }
        return dependencies;
    }

    static LineageEvent.Statistics statistics(JsonNode statistics) {
        if (statistics == null || !statistics.isObject()) {
            return null;
        }
        return new LineageEvent.Statistics(
                number(statistics, "rowCount"), number(statistics, "size"), number(statistics, "fileCount"));
    }

    /**
     * Quality results about one dataset in one run, from the standard facets, the legacy {@code dataQuality} facet and
     * Great Expectations' {@code greatExpectations_assertions}, wherever the producer put them. Producers often send
     * the same results twice (dbt sends {@code dataQualityAssertions} both as input facet and as dataset facet), so
     * metrics and assertions are each taken from the first place that carries them: the facet objects in the order
     * given, the standard facet before the legacy one.
     */
    static LineageEvent.Quality quality(JsonNode... facetObjects) {
        JsonNode metrics = null;
        List<LineageEvent.Assertion> assertions = null;
        for (JsonNode facets : facetObjects) {
            if (facets == null || !facets.isObject()) {
                continue;
            }
            for (String name : List.of("dataQualityMetrics", "dataQuality")) {
                if (metrics == null && facets.path(name).isObject()) {
                    metrics = facets.get(name);
                }
            }
            if (assertions == null) {
                assertions = assertions(facets.path("dataQualityAssertions"), "assertion");
            }
            if (assertions == null) {
                assertions = assertions(facets.path("greatExpectations_assertions"), "expectationType");
            }
        }
        if (metrics == null && assertions == null) {
            return null;
        }
        JsonNode columnMetrics = metrics == null ? null : metrics.get("columnMetrics");
        return new LineageEvent.Quality(
                number(metrics, "rowCount"),
                number(metrics, "bytes"),
                columnMetrics != null && columnMetrics.isObject() ? columnMetrics.toString() : null,
                assertions == null ? List.of() : List.copyOf(assertions));
    }

    /** The assertions of one facet, or null when it carries none. */
    private static List<LineageEvent.Assertion> assertions(JsonNode facet, String nameField) {
        JsonNode list = facet.path("assertions");
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        var assertions = new ArrayList<LineageEvent.Assertion>();
        for (JsonNode a : list) {
            assertions.add(assertion(text(a, nameField), text(a, "column"), bool(a, "success")));
        }
        return assertions;
    }

    private static LineageEvent.Assertion assertion(String assertion, String column, Boolean success) {
        return new LineageEvent.Assertion(
                assertion == null ? "unnamed" : assertion, column, Boolean.TRUE.equals(success));
    }

    @FunctionalInterface
    private interface Extractor {
        void extract(String name, JsonNode facet, Map<String, Object> properties);
    }

    private static List<Facet> collect(JsonNode facets, Set<String> known, Extractor extractor) {
        var result = new ArrayList<Facet>();
        if (facets == null || !facets.isObject()) {
            return result;
        }
        for (var entry : facets.properties()) {
            JsonNode facet = entry.getValue();
            if (!known.contains(entry.getKey()) || !facet.isObject()) {
                continue;
            }
            if (Boolean.TRUE.equals(bool(facet, "_deleted"))) {
                // A deletion marker: the facet's stored JSON and every property it set are cleared.
                var cleared = new HashMap<String, Object>();
                extractor.extract(
                        entry.getKey(), tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), cleared);
                cleared.replaceAll((k, v) -> null);
                result.add(new Facet(entry.getKey(), null, cleared));
                continue;
            }
            var properties = new HashMap<String, Object>();
            extractor.extract(entry.getKey(), facet, properties);
            result.add(new Facet(entry.getKey(), facet.toString(), properties));
        }
        return result;
    }
}
