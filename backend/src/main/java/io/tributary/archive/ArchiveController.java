package io.tributary.archive;

import io.tributary.graphql.Arguments;
import io.tributary.graphql.Connection;
import io.tributary.graphql.Cursors;
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

/** The raw event archive over GraphQL, paged with Relay cursors over (eventTime, id). */
@Controller
class ArchiveController {

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
    Connection<RawEvent> events(
            @Argument String runId,
            @Argument OffsetDateTime since,
            @Argument OffsetDateTime until,
            @Argument int first,
            @Argument String after) {
        Arguments.page(first);
        List<String> cursor = after == null ? null : Cursors.decode(after, 2);
        OffsetDateTime afterTime = cursor == null ? null : Cursors.time(after, cursor.get(0));
        String afterId = cursor == null ? null : cursor.get(1);
        List<RawEvent> page = archive.page(runId, since, until, afterTime, afterId, first + 1);
        return Connection.of(page, first, RawEvent::cursor);
    }

    @SchemaMapping(typeName = "RawEvent")
    Object event(RawEvent event) {
        // Verbatim but for source code, which leaves the service only when the operator allows it.
        return sourceCode.event(json.readValue(event.json(), OBJECT));
    }
}
