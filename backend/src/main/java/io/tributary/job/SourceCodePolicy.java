package io.tributary.job;

import io.tributary.TributaryProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whether jobs' source code may leave the service ({@code tributary.expose-source-code}, off by default). Every read
 * path that could carry the {@code sourceCode} job facet goes through here: the Job type, merged job facets of runs and
 * the raw event archive. The values of the {@code environmentVariables} run facet follow the same rule (they carry
 * secrets): hidden, their names kept.
 */
@Component
public class SourceCodePolicy {

    static final String FACET = "sourceCode";
    static final String ENVIRONMENT = "environmentVariables";

    private final boolean exposed;

    SourceCodePolicy(TributaryProperties properties) {
        this.exposed = properties.exposeSourceCode();
    }

    public boolean exposed() {
        return exposed;
    }

    /** Job facets (name to facet) without the sourceCode facet unless exposed. */
    public Map<String, Object> jobFacets(Map<String, Object> facets) {
        if (exposed || !facets.containsKey(FACET)) {
            return facets;
        }
        var redacted = new LinkedHashMap<>(facets);
        redacted.remove(FACET);
        return redacted;
    }

    /** Run facets (name to facet) with environment variables' values hidden unless exposed. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> runFacets(Map<String, Object> facets) {
        if (exposed || !(facets.get(ENVIRONMENT) instanceof Map<?, ?> facet)) {
            return facets;
        }
        var hidden = new LinkedHashMap<>((Map<String, Object>) facet);
        if (facet.get(ENVIRONMENT) instanceof List<?> variables) {
            hidden.put(
                    ENVIRONMENT,
                    variables.stream()
                            .map(v -> v instanceof Map<?, ?> variable
                                    ? java.util.Collections.singletonMap("name", variable.get("name"))
                                    : null)
                            .filter(java.util.Objects::nonNull)
                            .toList());
        }
        var redacted = new LinkedHashMap<>(facets);
        redacted.put(ENVIRONMENT, hidden);
        return redacted;
    }

    /**
     * A whole OpenLineage event (as parsed JSON) without the job's sourceCode facet and environment variables' values
     * unless exposed.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> event(Map<String, Object> event) {
        if (!exposed
                && event.get("run") instanceof Map<?, ?> run
                && run.get("facets") instanceof Map<?, ?> runFacets
                && runFacets.containsKey(ENVIRONMENT)) {
            var redactedRun = new LinkedHashMap<>((Map<String, Object>) run);
            redactedRun.put("facets", runFacets((Map<String, Object>) runFacets));
            event = new LinkedHashMap<>(event);
            event.put("run", redactedRun);
        }
        if (exposed
                || !(event.get("job") instanceof Map<?, ?> job)
                || !(job.get("facets") instanceof Map<?, ?> facets)
                || !facets.containsKey(FACET)) {
            return event;
        }
        var redactedJob = new LinkedHashMap<>((Map<String, Object>) job);
        redactedJob.put("facets", jobFacets((Map<String, Object>) facets));
        var redacted = new LinkedHashMap<>(event);
        redacted.put("job", redactedJob);
        return redacted;
    }
}
