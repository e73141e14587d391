package io.tributary.projection;

import io.tributary.graphql.Arguments;
import io.tributary.log.EventLog;
import io.tributary.projection.ProjectionStore.QuarantinedEvent;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The projector's state over GraphQL: lag, positions and the quarantine (null without an event log). */
@Controller
class ProjectionController {

    private final EventLog log;
    private final Projector projector;
    private final ProjectionProgress progress;

    ProjectionController(
            ObjectProvider<EventLog> log,
            ObjectProvider<Projector> projector,
            ObjectProvider<ProjectionProgress> progress) {
        this.log = log.getIfAvailable();
        this.projector = projector.getIfAvailable();
        this.progress = progress.getIfAvailable();
    }

    /** A snapshot of the projector. */
    record Projection(
            String log,
            long projectedPosition,
            long committedPosition,
            long lagMs,
            boolean projecting,
            String leaseHolder,
            String replica) {}

    @QueryMapping
    Projection projection() {
        if (projector == null) {
            return null;
        }
        return new Projection(
                log.name(),
                progress.projected().value(),
                log.committedPosition().value(),
                progress.lag().toMillis(),
                projector.projecting(),
                leaseHolder(),
                projector.lease() == null ? null : projector.lease().holder());
    }

    private String leaseHolder() {
        if (projector.lease() == null) {
            return null;
        }
        var state = projector.lease().state();
        return state == null ? null : state.holder();
    }

    /** The latest rebuild of the graph from the log ({@code NONE} when there was none). */
    @SchemaMapping(typeName = "Projection")
    RebuildState rebuild(Projection projection) {
        return projector.rebuildState();
    }

    @SchemaMapping(typeName = "Projection")
    List<QuarantinedEvent> quarantined(Projection projection, @Argument int first) {
        Arguments.page(first);
        return projector.store().quarantined(first);
    }
}
