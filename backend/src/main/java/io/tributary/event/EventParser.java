package io.tributary.event;

import static io.tributary.event.Json.text;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tributary.digest.Sha256;
import io.tributary.event.EventSchemas.Section;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns request bodies into validated {@link LineageEvent}s. Lenient where real producers are messy (missing
 * {@code producer}/{@code schemaURL}/{@code _producer}/{@code _schemaURL}, {@code "_deleted": null}, zone-less or
 * nanosecond timestamps, legacy facet names, custom facets), strict where the graph depends on it (run id, job and
 * dataset names, event time, JSON types, the standard facets' own schemas).
 */
@Component
public class EventParser implements MeterBinder {

    private static final String UNKNOWN_PRODUCER = "urn:tributary:unknown-producer";

    /**
     * Facets that passed their schema, remembered so that reruns skip validating them again (each ~200 bytes). The
     * benchmark's churn workload (400 jobs) repeats about 2,500 distinct ones; per-run facets (parent, nominal time)
     * never repeat and age out.
     */
    private static final int PASSED_FACETS = 20_000;

    private final EventSchemas schemas;
    private final JsonMapper reader;
    private final JsonMapper canonical;

    public EventParser() {
        this(PASSED_FACETS);
    }

    /**
     * A parser that remembers up to {@code passedFacets} standard facets that passed their schema (0: validates every
     * facet every time; the benchmark's comparison).
     */
    public EventParser(int passedFacets) {
        this.schemas = new EventSchemas(passedFacets);
        var factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxNumberLength(100)
                        .build())
                .build();
        this.reader = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // A repeated property is refused unless both values are equal (real Spark events repeat one).
                .addModule(new SimpleModule("same-value-duplicates")
                        .addDeserializer(JsonNode.class, new SameValueDuplicates()))
                .build();
        this.canonical = JsonMapper.builder()
                .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                .build();
    }

    /** One event, the body of {@code POST /api/v1/lineage}. */
    public LineageEvent parse(byte[] body) {
        String text = decode(body);
        JsonNode root = read(text);
        if (!root.isObject()) {
            throw new InvalidEventException("", "expected one OpenLineage event (a JSON object)");
        }
        return toEvent(root, "", text);
    }

    /**
     * An event this service accepted before, read back from its log: mapped as it was when acknowledged, without
     * validating it again against the schemas and without hashing it again (its id is the hash taken at acceptance).
     * Validation ran before the acknowledgement; running it again for every projected event was the projector's
     * largest cost of its own, and a stricter later build must not refuse what was acknowledged. What the graph cannot
     * do without (a run id, an event time) still fails here, for the projector to quarantine.
     */
    public LineageEvent parseAccepted(String json, String id) {
        JsonNode root = read(json);
        if (!root.isObject()) {
            throw new InvalidEventException("", "expected one OpenLineage event (a JSON object)");
        }
        LineageEvent.Kind kind = kindOf(root);
        var eventTime = Json.dateTime(text(root, "eventTime"));
        if (eventTime == null) {
            throw new InvalidEventException("/eventTime", "is not an RFC 3339 date-time");
        }
        UUID runId = null;
        if (kind == LineageEvent.Kind.RUN) {
            runId = Json.uuid(text(root.path("run"), "runId"));
            if (runId == null) {
                throw new InvalidEventException("/run/runId", "is not a UUID");
            }
        }
        return EventMapper.map(kind, Leniency.normalize(root, UNKNOWN_PRODUCER), runId, eventTime, id, json);
    }

    private static LineageEvent.Kind kindOf(JsonNode event) {
        return event.has("run")
                ? LineageEvent.Kind.RUN
                : event.has("dataset") ? LineageEvent.Kind.DATASET : LineageEvent.Kind.JOB;
    }

    /** The body of {@code POST /api/v1/lineage/batch}: each element accepted or refused on its own. */
    public List<BatchItem> parseBatch(byte[] body, int maxEvents) {
        JsonNode root = read(decode(body));
        if (!root.isArray()) {
            throw new InvalidEventException("", "expected a JSON array of OpenLineage events");
        }
        if (root.size() > maxEvents) {
            throw new InvalidEventException("", "a batch holds at most " + maxEvents + " events, got " + root.size());
        }
        var items = new ArrayList<BatchItem>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            try {
                if (!element.isObject()) {
                    throw new InvalidEventException("/" + i, "expected an OpenLineage event (a JSON object)");
                }
                items.add(new BatchItem(i, toEvent(element, "/" + i, element.toString()), null));
            } catch (InvalidEventException e) {
                items.add(new BatchItem(i, null, e));
            }
        }
        return items;
    }

    /** An element of a batch: its event, or why it was refused. */
    public record BatchItem(int index, LineageEvent event, InvalidEventException error) {}

    /**
     * JSON on the wire is UTF-8 (RFC 8259), decoded strictly, once: the graph and the archive both come from this text.
     * Jackson on raw bytes would take overlong forms (0xC0 0xAF as '/', which a lenient decoder turns into U+FFFD)
     * and guess UTF-16 from NUL bytes, so graph and archive could disagree.
     */
    private static String decode(byte[] body) {
        if (body.length == 0) {
            throw new InvalidEventException("", "the request body is empty");
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("", "the body is not valid UTF-8");
        }
    }

    private JsonNode read(String body) {
        try {
            return reader.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidEventException("", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private LineageEvent toEvent(JsonNode event, String at, String json) {
        LineageEvent.Kind kind = kindOf(event);
        ObjectNode lenient = Leniency.normalize(event, UNKNOWN_PRODUCER);
        var violations = new ArrayList<Violation>();
        for (Violation v : schemas.validateEnvelope(kind, lenient)) {
            violations.add(new Violation(at + v.pointer(), v.detail()));
        }
        if (violations.isEmpty()) {
            validateFacets(lenient, at, violations);
        }
        var eventTime = Json.dateTime(text(event, "eventTime"));
        if (eventTime == null && violations.stream().noneMatch(v -> v.pointer().equals(at + "/eventTime"))) {
            violations.add(new Violation(at + "/eventTime", "is not an RFC 3339 date-time"));
        }
        UUID runId = null;
        if (kind == LineageEvent.Kind.RUN) {
            runId = Json.uuid(text(event.path("run"), "runId"));
            if (runId == null && violations.stream().noneMatch(v -> v.pointer().startsWith(at + "/run/runId"))) {
                violations.add(new Violation(at + "/run/runId", "is not a UUID"));
            }
            // The parent and root run ids become graph links: a malformed one would silently drop the hierarchy.
            JsonNode parent = event.path("run").path("facets").path("parent");
            for (String path : List.of("/run/runId", "/root/run/runId")) {
                JsonNode id = parent.at(path);
                if (id.isString() && Json.uuid(id.asString()) == null) {
                    violations.add(new Violation(at + "/run/facets/parent" + path, "is not a UUID"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
        return EventMapper.map(kind, lenient, runId, eventTime, sha256(canonical.writeValueAsString(event)), json);
    }

    private void validateFacets(JsonNode event, String at, List<Violation> violations) {
        facets(event.path("run").path("facets"), at + "/run/facets", Section.RUN, violations);
        facets(event.path("job").path("facets"), at + "/job/facets", Section.JOB, violations);
        facets(event.path("dataset").path("facets"), at + "/dataset/facets", Section.DATASET, violations);
        for (String list : List.of("inputs", "outputs")) {
            JsonNode datasets = event.path(list);
            for (int i = 0; i < datasets.size(); i++) {
                String base = at + "/" + list + "/" + i;
                facets(datasets.get(i).path("facets"), base + "/facets", Section.DATASET, violations);
                if (list.equals("inputs")) {
                    facets(datasets.get(i).path("inputFacets"), base + "/inputFacets", Section.INPUT, violations);
                } else {
                    facets(datasets.get(i).path("outputFacets"), base + "/outputFacets", Section.OUTPUT, violations);
                }
            }
        }
    }

    private void facets(JsonNode facets, String at, Section section, List<Violation> violations) {
        for (var facet : facets.properties()) {
            String pointer = at + "/" + facet.getKey().replace("~", "~0").replace("/", "~1");
            violations.addAll(schemas.validateFacet(section, pointer, facet.getKey(), facet.getValue()));
        }
    }

    /** The remembered facets' cache meters (Spring binds every {@link MeterBinder} bean to the registry). */
    @Override
    public void bindTo(MeterRegistry registry) {
        schemas.bindTo(registry);
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
