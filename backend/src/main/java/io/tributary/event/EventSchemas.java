package io.tributary.event;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.tributary.digest.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Validates events against the OpenLineage 2-0-2 JSON Schemas shipped in {@code schema/openlineage/}: the event
 * envelope, then each standard facet against its own facet schema. Custom facets are not validated; they are kept as
 * sent. No schema is ever fetched over the network.
 *
 * <p>A standard facet whose content passed its schema once is not validated again: schedulers rerun the same jobs,
 * and each rerun repeats its schema, column-lineage, data-source and job-type facets byte for byte. The content is
 * recognised by the SHA-256 of its JSON (as normalised for validation), so a facet is skipped only when it is exactly
 * one that passed; facets that fail are validated every time, for their violations.
 */
final class EventSchemas {

    enum Section {
        RUN,
        JOB,
        DATASET,
        INPUT,
        OUTPUT
    }

    private static final String SPEC = "https://openlineage.io/spec/2-0-2/";
    private static final String LOCAL = "classpath:schema/openlineage/";

    private static final Map<Section, Map<String, String>> FACET_FILES = Map.of(
            Section.RUN,
            Map.ofEntries(
                    Map.entry("parent", "ParentRunFacet"),
                    Map.entry("nominalTime", "NominalTimeRunFacet"),
                    Map.entry("errorMessage", "ErrorMessageRunFacet"),
                    Map.entry("externalQuery", "ExternalQueryRunFacet"),
                    Map.entry("processing_engine", "ProcessingEngineRunFacet"),
                    Map.entry("extractionError", "ExtractionErrorRunFacet"),
                    Map.entry("environmentVariables", "EnvironmentVariablesRunFacet"),
                    Map.entry("executionParameters", "ExecutionParametersRunFacet"),
                    Map.entry("jobDependencies", "JobDependenciesRunFacet"),
                    Map.entry("tags", "TagsRunFacet"),
                    Map.entry("test", "TestRunFacet")),
            Section.JOB,
            Map.of(
                    "documentation", "DocumentationJobFacet",
                    "ownership", "OwnershipJobFacet",
                    "sql", "SQLJobFacet",
                    "sourceCode", "SourceCodeJobFacet",
                    "sourceCodeLocation", "SourceCodeLocationJobFacet",
                    "jobType", "JobTypeJobFacet",
                    "tags", "TagsJobFacet"),
            Section.DATASET,
            Map.ofEntries(
                    Map.entry("schema", "SchemaDatasetFacet"),
                    Map.entry("columnLineage", "ColumnLineageDatasetFacet"),
                    Map.entry("dataSource", "DatasourceDatasetFacet"),
                    Map.entry("documentation", "DocumentationDatasetFacet"),
                    Map.entry("ownership", "OwnershipDatasetFacet"),
                    Map.entry("storage", "StorageDatasetFacet"),
                    Map.entry("symlinks", "SymlinksDatasetFacet"),
                    Map.entry("lifecycleStateChange", "LifecycleStateChangeDatasetFacet"),
                    Map.entry("version", "DatasetVersionDatasetFacet"),
                    Map.entry("datasetType", "DatasetTypeDatasetFacet"),
                    Map.entry("catalog", "CatalogDatasetFacet"),
                    Map.entry("hierarchy", "HierarchyDatasetFacet"),
                    Map.entry("tags", "TagsDatasetFacet"),
                    Map.entry("dataQualityMetrics", "DataQualityMetricsDatasetFacet"),
                    Map.entry("dataQualityAssertions", "DataQualityAssertionsDatasetFacet")),
            Section.INPUT,
            Map.of(
                    "dataQualityMetrics", "DataQualityMetricsInputDatasetFacet",
                    "dataQualityAssertions", "DataQualityAssertionsDatasetFacet",
                    "inputStatistics", "InputStatisticsInputDatasetFacet"),
            Section.OUTPUT,
            Map.of("outputStatistics", "OutputStatisticsOutputDatasetFacet"));

    /**
     * Draft 2020-12 as the OpenLineage schemas declare, knowing the two annotations they use beyond it: {@code example}
     * (OpenAPI's singular of {@code examples}) and a {@code documentation} placed as a keyword. Neither validates
     * anything; unknown, each logged an "Unknown keyword" warning at start-up.
     */
    private static final Dialect OPENLINEAGE_DIALECT = Dialect.builder(Dialects.getDraft202012())
            .keyword(new NonValidationKeyword("example"))
            .keyword(new NonValidationKeyword("documentation"))
            .build();

    /** The {@code cache} tag of the remembered facets' meters. */
    static final String PASSED_FACETS_CACHE = "passed-facets";

    /** A standard facet that passed its schema: its section, name and the SHA-256 of its JSON. */
    private record Passed(Section section, String name, String sha256) {}

    private final Map<LineageEvent.Kind, Schema> envelopes;
    private final Map<Section, Map<String, Schema>> facets;
    /** The facets that passed, least recently seen evicted first; null when none are remembered. */
    private final Cache<Passed, Boolean> passed;

    /** @param passedFacets how many facets that passed to remember (least recently seen go first); 0 for none */
    EventSchemas(int passedFacets) {
        this.passed = passedFacets > 0
                ? Caffeine.newBuilder().maximumSize(passedFacets).recordStats().build()
                : null;
        var registry = SchemaRegistry.withDefaultDialect(
                OPENLINEAGE_DIALECT, builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SPEC, LOCAL)));
        this.envelopes = Map.of(
                LineageEvent.Kind.RUN, registry.getSchema(SchemaLocation.of(SPEC + "OpenLineage.json#/$defs/RunEvent")),
                LineageEvent.Kind.JOB, registry.getSchema(SchemaLocation.of(SPEC + "OpenLineage.json#/$defs/JobEvent")),
                LineageEvent.Kind.DATASET,
                        registry.getSchema(SchemaLocation.of(SPEC + "OpenLineage.json#/$defs/DatasetEvent")));
        var bySection = new java.util.EnumMap<Section, Map<String, Schema>>(Section.class);
        FACET_FILES.forEach((section, files) -> {
            var schemas = new java.util.HashMap<String, Schema>();
            files.forEach((name, file) ->
                    schemas.put(name, registry.getSchema(SchemaLocation.of(LOCAL + "facets/" + file + ".json"))));
            bySection.put(section, Map.copyOf(schemas));
        });
        this.facets = bySection;
        // Resolve every $ref now, so a broken schema fails start-up instead of the first request.
        envelopes.values().forEach(Schema::initializeValidators);
        facets.values().forEach(m -> m.values().forEach(Schema::initializeValidators));
    }

    List<Violation> validateEnvelope(LineageEvent.Kind kind, JsonNode event) {
        return toViolations("", envelopes.get(kind).validate(event));
    }

    /** Validates one standard facet; a facet this table does not know is custom and passes as is. */
    List<Violation> validateFacet(Section section, String pointer, String name, JsonNode facet) {
        Schema schema = facets.get(section).get(name);
        if (schema == null) {
            return List.of();
        }
        Passed key = passed == null ? null : new Passed(section, name, Sha256.hex(facet.toString()));
        if (key != null && passed.getIfPresent(key) != null) {
            return List.of();
        }
        var wrapper = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        wrapper.set(name, facet);
        // The facet schemas validate {"<name>": facet}; strip "/<name>" so pointers land on the real location.
        var violations =
                toViolations(pointer.substring(0, pointer.length() - name.length() - 1), schema.validate(wrapper));
        if (key != null && violations.isEmpty()) {
            passed.put(key, Boolean.TRUE);
        }
        return violations;
    }

    /**
     * The remembered facets as cache meters ({@code cache_gets_total{cache="passed-facets",result="hit"}}: facets not
     * validated again; {@code miss}: validated; {@code cache_size}, {@code cache_evictions_total}), for sizing it.
     */
    void bindTo(MeterRegistry registry) {
        if (passed != null) {
            CaffeineCacheMetrics.monitor(registry, passed, PASSED_FACETS_CACHE);
        }
    }

    private static List<Violation> toViolations(String prefix, List<Error> errors) {
        var violations = new ArrayList<Violation>();
        for (Error error : errors) {
            String pointer = prefix + pointer(error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                pointer = pointer + "/" + escape(error.getProperty());
                violations.add(new Violation(pointer, "is required"));
            } else {
                violations.add(new Violation(pointer, error.getMessage().replaceFirst("^\\S+: ", "")));
            }
        }
        return violations;
    }

    private static String pointer(NodePath path) {
        var pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
