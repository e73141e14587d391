package io.tributary.archive;

import io.tributary.job.SourceCodePolicy;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The raw event archive over GraphQL, paged with Relay cursors. */
@Controller
class ArchiveController {

    static final int MAX_PAGE = 500;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final EventArchive archive;
    private final JsonMapper json;
    private final SourceCodePolicy sourceCode;

    ArchiveController(EventArchive archive, JsonMapper json, SourceCodePolicy sourceCode) {
        this.archive = archive;
        this.json = json;
        this.sourceCode = sourceCode;
    }

    @QueryMapping
    Connection events(
            @Argument String runId,
            @Argument OffsetDateTime since,
            @Argument OffsetDateTime until,
            @Argument int first,
            @Argument String after) {
        if (first < 1 || first > MAX_PAGE) {
            throw new IllegalArgumentException("first must be between 1 and " + MAX_PAGE);
        }
        Cursor cursor = after == null ? null : Cursor.decode(after);
        List<RawEvent> page = archive.page(runId, since, until, cursor, first + 1);
        boolean hasNext = page.size() > first;
        List<Edge> edges = page.stream()
                .limit(first)
                .map(e -> new Edge(new Cursor(e.eventTime(), e.id()).encode(), e))
                .toList();
        return new Connection(
                edges,
                new PageInfo(hasNext, edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    @SchemaMapping(typeName = "RawEvent")
    Object event(RawEvent event) {
        // Verbatim but for source code, which leaves the service only when the operator allows it.
        return sourceCode.event(json.readValue(event.json(), OBJECT));
    }

    record Connection(List<Edge> edges, PageInfo pageInfo) {}

    record Edge(String cursor, RawEvent node) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}
}
