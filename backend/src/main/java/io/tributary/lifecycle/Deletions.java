package io.tributary.lifecycle;

import io.tributary.ingest.EventIntake;
import io.tributary.problem.NotFoundException;
import io.tributary.projection.ChangeFeed;
import io.tributary.projection.ProjectionProgress;
import io.tributary.projection.RebuildInProgressException;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.write.GraphChanges;
import io.tributary.write.OverloadedException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.neo4j.driver.Result;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Soft deletes of datasets and jobs: a {@code deleted} time on the node, which every read path filters on. */
@Component
class Deletions {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final GraphStore store;
    private final EventIntake intake;
    private final GraphChanges changes;
    private final ChangeFeed feed;
    /** Null without an event log. */
    private final ProjectionProgress projection;

    Deletions(
            GraphStore store,
            EventIntake intake,
            GraphChanges changes,
            ChangeFeed feed,
            ObjectProvider<ProjectionProgress> projection) {
        this.store = store;
        this.intake = intake;
        this.changes = changes;
        this.feed = feed;
        this.projection = projection.getIfAvailable();
    }

    Deletion dataset(String namespace, String name) {
        return delete("DATASET", "lifecycle/delete-dataset", namespace, name);
    }

    Deletion job(String namespace, String name) {
        return delete("JOB", "lifecycle/delete-job", namespace, name);
    }

    /**
     * Applies a soft delete read from an export, with its recorded time; false when the import holds no such node
     * (its events were purged before the export).
     */
    boolean restore(DeletionLine line) {
        awaitAcknowledged();
        var touched = new GraphChanges.Touched(line.kind().equals("JOB"), line.namespace(), line.name());
        // The line's kind, namespace, name and deletedAt are the statement's parameters.
        boolean restored = store.writeTransaction(TIMEOUT, tx -> {
            boolean found = tx.run("lifecycle/restore-deletion", line, Result::hasNext);
            if (found) {
                feed.record(tx, touched);
            }
            return found;
        });
        changes.touched(List.of(touched));
        return restored;
    }

    private Deletion delete(String kind, String statement, String namespace, String name) {
        awaitAcknowledged();
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        var touched = new GraphChanges.Touched(kind.equals("JOB"), namespace, name);
        // Numbered with the delete, in its transaction: the other replicas' copies learn of it from the number.
        var rows = store.writeTransaction(TIMEOUT, tx -> {
            var found = tx.run(statement, new SoftDelete(namespace, name, now), Result::list);
            if (!found.isEmpty()) {
                feed.record(tx, touched);
            }
            return found;
        });
        changes.touched(List.of(touched));
        if (rows.isEmpty()) {
            throw new NotFoundException("No " + kind.toLowerCase(Locale.ROOT) + " " + namespace + " / " + name);
        }
        return new Deletion(
                kind, namespace, name, DriverValues.time(rows.getFirst().get("deletedAt")));
    }

    /**
     * A delete is ordered after every event acknowledged before it: those must be in the graph first, or projecting one
     * later would mention the node again and undo the delete. Refused (503, retry later) rather than applied out of
     * order.
     */
    private void awaitAcknowledged() {
        if (projection != null && projection.rebuilding()) {
            // Made on a graph about to be cleared, or not yet replayed, it would be lost.
            throw RebuildInProgressException.handWrite("the delete");
        }
        if (!intake.awaitProjection(TIMEOUT)) {
            throw new OverloadedException("the graph is behind the event log; the delete was not applied");
        }
    }

    /** delete-dataset and delete-job: the node's key and the time of the delete. */
    private record SoftDelete(String namespace, String name, OffsetDateTime now) {}

    /** The answer to a delete, over GraphQL and REST. */
    record Deletion(String kind, String namespace, String name, OffsetDateTime deletedAt) {}
}
