package io.tributary.tag;

import io.tributary.problem.NotFoundException;
import io.tributary.projection.ProjectionProgress;
import io.tributary.projection.RebuildInProgressException;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.neo4j.driver.Result;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tags set by hand on datasets, their fields and jobs (GraphQL's addTag/removeTag, Marquez's tag endpoints), beside
 * those the {@code tags} facet sets. Each node keeps both sources apart ({@code facetTags}, {@code manualTags}) and
 * shows their union as {@code tags}: the facet's newest set replaces only the facet's, a removal by hand removes only
 * the hand-set one (a tag the facet still sends stays). See docs/notes/tags.md.
 */
@Component
public class Tags {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final GraphStore store;
    /** Null without an event log. */
    private final ProjectionProgress projection;

    Tags(GraphStore store, ObjectProvider<ProjectionProgress> projection) {
        this.store = store;
        this.projection = projection.getIfAvailable();
    }

    /** The node a tag is set on. */
    public enum Kind {
        DATASET,
        FIELD,
        JOB
    }

    /**
     * Adds ({@code add}) or removes a hand-set tag; {@code field} only for {@link Kind#FIELD}. The node's (or field's)
     * tags after the change. NotFoundException when there is no such node (or field of the dataset);
     * IllegalArgumentException for a blank tag.
     */
    public List<String> set(Kind kind, String namespace, String name, String field, String tag, boolean add) {
        String clean = tag(tag);
        if (projection != null && projection.rebuilding()) {
            // Set on a graph about to be cleared, or not yet replayed, it would be lost.
            throw RebuildInProgressException.handWrite("the tag");
        }
        if (kind == Kind.FIELD && (field == null || field.isBlank())) {
            throw new IllegalArgumentException("a field tag needs the field");
        }
        List<org.neo4j.driver.Record> rows = kind == Kind.JOB
                ? store.write("tag/tag-job", new JobTag(namespace, name, clean, add), TIMEOUT, Result::list)
                : store.write(
                        "tag/tag-dataset",
                        new DatasetTag(namespace, name, kind == Kind.FIELD ? field : null, clean, add),
                        TIMEOUT,
                        Result::list);
        if (rows.isEmpty()) {
            throw new NotFoundException(
                    switch (kind) {
                        case DATASET -> "No dataset " + namespace + " / " + name;
                        case FIELD -> "No field " + field + " in dataset " + namespace + " / " + name;
                        case JOB -> "No job " + namespace + " / " + name;
                    });
        }
        return DriverValues.strings(rows.getFirst().get("tags"));
    }

    /** Gives a tag a description (Marquez's {@code PUT /tags/{tag}}); the tag need not be in use. */
    public Tag describe(String name, String description) {
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return store.write(
                "tag/describe-tag",
                new Description(tag(name), description, now),
                TIMEOUT,
                result -> Tag.from(result.single()));
    }

    /** Every tag described or in use on a live dataset, field or job, by name. */
    public List<Tag> all() {
        return store.read("read/tag/tags", java.util.Map.of(), result -> result.list(Tag::from));
    }

    /** A tag and its description, if it was given one. */
    public record Tag(String name, String description) {

        static Tag from(org.neo4j.driver.Record r) {
            return new Tag(r.get("name").asString(), DriverValues.string(r.get("description")));
        }
    }

    private static String tag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("tag must not be blank");
        }
        if (tag.contains("\u001f")) {
            throw new IllegalArgumentException("tag must not contain control characters");
        }
        return tag.strip();
    }

    private record DatasetTag(String namespace, String name, String field, String tag, boolean add) {}

    private record JobTag(String namespace, String name, String tag, boolean add) {}

    private record Description(String name, String description, OffsetDateTime now) {}
}
