package io.tributary.job;

import io.tributary.TributaryProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whether jobs' source code may leave the service ({@code tributary.expose-source-code}, off by default). Every read
 * path that could carry the {@code sourceCode} job facet goes through here: the Job type, merged job facets of runs and
 * the raw event archive.
 */
@Component
public class SourceCodePolicy {

    static final String FACET = "sourceCode";

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

    /** A whole OpenLineage event (as parsed JSON) without the job's sourceCode facet unless exposed. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> event(Map<String, Object> event) {
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
