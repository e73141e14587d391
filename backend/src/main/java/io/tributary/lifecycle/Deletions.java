package io.tributary.lifecycle;

import io.tributary.problem.NotFoundException;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Soft deletes of datasets and jobs: a {@code deleted} time on the node, which every read path filters on. */
@Component
class Deletions {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final GraphStore store;

    Deletions(GraphStore store) {
        this.store = store;
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
        var parameters = Map.<String, Object>of(
                "kind", line.kind(),
                "namespace", line.namespace(),
                "name", line.name(),
                "deletedAt", line.deletedAt());
        return store.write(
                tx -> tx.run(store.statement("lifecycle/restore-deletion"), parameters)
                        .hasNext(),
                TIMEOUT);
    }

    private Deletion delete(String kind, String statement, String namespace, String name) {
        var parameters = Map.<String, Object>of(
                "namespace", namespace,
                "name", name,
                "now", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        Deletion deletion = store.write(
                tx -> {
                    var rows = tx.run(store.statement(statement), parameters).list();
                    return rows.isEmpty()
                            ? null
                            : new Deletion(
                                    kind,
                                    namespace,
                                    name,
                                    DriverValues.time(rows.getFirst().get("deletedAt")));
                },
                TIMEOUT);
        if (deletion == null) {
            throw new NotFoundException("No " + kind.toLowerCase(Locale.ROOT) + " " + namespace + " / " + name);
        }
        return deletion;
    }

    /** The answer to a delete, over GraphQL and REST. */
    record Deletion(String kind, String namespace, String name, OffsetDateTime deletedAt) {}
}
