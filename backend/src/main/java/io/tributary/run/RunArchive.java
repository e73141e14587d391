package io.tributary.run;

import io.tributary.archive.ArchivedJson;
import io.tributary.entity.SourceRows;
import io.tributary.job.SourceCodePolicy;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What only the raw archive knows about runs: every facet, custom ones included. The node keeps just the standard
 * facets, so all facets are rebuilt from a run's archived events, in one query for many runs.
 */
@Repository
public class RunArchive {

    /**
     * @param runFacets run facets by name (sorted), each from the latest event carrying it (a facet marked {@code _deleted}
     *     removes it)
     * @param jobFacets the job facets sent with the run's events, merged the same way
     * @param externalQueries each distinct externalQuery facet, in the order first sent
     * @param eventsPurged the run's raw events were purged (retention): run facets are the standard ones its node
     *     keeps, custom ones, job facets and external queries are gone
     */
    public record Facets(
            Map<String, Object> runFacets,
            Map<String, Object> jobFacets,
            List<ExternalQuery> externalQueries,
            boolean eventsPurged) {}

    /** A query the run ran in an external system, e.g. a BigQuery job id or a Snowflake query id. */
    public record ExternalQuery(String externalQueryId, String source) {}

    private record Ids(List<String> ids) {}

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final GraphStore store;
    private final JsonMapper json;
    private final SourceCodePolicy policy;

    RunArchive(GraphStore store, JsonMapper json, SourceCodePolicy policy) {
        this.store = store;
        this.json = json;
        this.policy = policy;
    }

    public Map<String, Facets> facets(Collection<String> runIds) {
        Map<String, List<String>> events = store.read(
                "read/run/events", Parameters.of(new Ids(List.copyOf(runIds))), SourceRows.byRun(ArchivedJson::of));
        var result = new HashMap<String, Facets>();
        var purged = new ArrayList<String>();
        for (String id : runIds) {
            List<String> archived = events.get(id);
            if (archived == null || archived.isEmpty()) {
                purged.add(id);
            } else {
                result.put(id, merge(archived));
            }
        }
        if (!purged.isEmpty()) {
            result.putAll(stored(purged));
        }
        return result;
    }

    /** Runs without archived events: the standard facets their nodes keep (a placeholder never had events). */
    private Map<String, Facets> stored(List<String> runIds) {
        return store.read("read/run/stored-facets", Parameters.of(new Ids(runIds)), result -> {
            var stored = new HashMap<String, Facets>();
            result.forEachRemaining(r -> {
                var runFacets = new TreeMap<String, Object>();
                for (Value pair : r.get("facets").values()) {
                    Map<String, Object> facet = DriverValues.json(pair.get(1));
                    if (facet != null) {
                        runFacets.put(pair.get(0).asString(), facet);
                    }
                }
                stored.put(
                        r.get("forId").asString(),
                        new Facets(
                                policy.runFacets(runFacets),
                                Map.of(),
                                List.of(),
                                !r.get("placeholder").asBoolean()));
            });
            for (String id : runIds) {
                stored.putIfAbsent(id, new Facets(Map.of(), Map.of(), List.of(), false));
            }
            return stored;
        });
    }

    private Facets merge(List<String> eventsInTimeOrder) {
        var runFacets = new TreeMap<String, Object>();
        var jobFacets = new TreeMap<String, Object>();
        var queries = new ArrayList<ExternalQuery>();
        for (String archived : eventsInTimeOrder) {
            Map<String, Object> event = json.readValue(archived, OBJECT);
            Map<String, Object> run = object(event.get("run"));
            overlay(runFacets, object(run.get("facets")));
            overlay(jobFacets, object(object(event.get("job")).get("facets")));
            Map<String, Object> query = object(object(run.get("facets")).get("externalQuery"));
            if (query.get("externalQueryId") instanceof String id) {
                var external = new ExternalQuery(id, query.get("source") instanceof String s ? s : null);
                if (!queries.contains(external)) {
                    queries.add(external);
                }
            }
        }
        return new Facets(policy.runFacets(runFacets), policy.jobFacets(jobFacets), queries, false);
    }

    /** Later events override earlier ones facet by facet; a facet marked deleted is dropped. */
    private static void overlay(Map<String, Object> merged, Map<String, Object> facets) {
        facets.forEach((name, facet) -> {
            if (object(facet).get("_deleted") == Boolean.TRUE) {
                merged.remove(name);
            } else {
                merged.put(name, facet);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
