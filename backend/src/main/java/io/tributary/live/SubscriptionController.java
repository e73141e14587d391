package io.tributary.live;

import io.tributary.entity.RunView;
import io.tributary.issues.Issue;
import io.tributary.lineage.NodeId;
import io.tributary.store.JobKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * GraphQL subscriptions: runs, issues and lineage as events are committed. A bad argument ends the subscription at once
 * with BAD_REQUEST (as an error of the stream, which both transports deliver as such).
 */
@Controller
class SubscriptionController {

    /** Most node ids one lineageChanged subscription watches: the largest graph the UI draws. */
    static final int MAX_NODES = 10_000;

    /** The GraphQL {@code RunUpdateFilter}. */
    record RunUpdateFilter(String namespace, String job, String state) {}

    private final LiveUpdates updates;

    SubscriptionController(LiveUpdates updates) {
        this.updates = updates;
    }

    @SubscriptionMapping
    Flux<RunView> runUpdated(@Argument RunUpdateFilter filter) {
        if (filter == null) {
            return updates.runs(run -> true);
        }
        if (filter.job() != null && filter.namespace() == null) {
            return Flux.error(new IllegalArgumentException(
                    "filter.job needs filter.namespace: job names are unique per namespace"));
        }
        return updates.runs(
                run -> (filter.namespace() == null || filter.namespace().equals(run.jobNamespace()))
                        && (filter.job() == null || filter.job().equals(run.jobName()))
                        && (filter.state() == null || filter.state().equals(run.state())));
    }

    @SubscriptionMapping
    Flux<Issue> issueOpened(@Argument List<String> kinds, @Argument JobKey job) {
        return updates.opened(issue -> wanted(kinds, job, issue.kind(), issue.run()));
    }

    @SubscriptionMapping
    Flux<ResolvedIssue> issueResolved(@Argument List<String> kinds, @Argument JobKey job) {
        return updates.resolved(issue -> wanted(kinds, job, issue.kind(), issue.run()));
    }

    @SubscriptionMapping
    Flux<LineageChange> lineageChanged(@Argument String node, @Argument List<String> nodes) {
        var ids = new ArrayList<String>();
        if (node != null) {
            ids.add(node);
        }
        if (nodes != null) {
            ids.addAll(nodes);
        }
        if (ids.isEmpty() || ids.size() > MAX_NODES) {
            return Flux.error(new IllegalArgumentException(
                    "lineageChanged needs node or nodes: 1 to " + MAX_NODES + " dataset or job ids"));
        }
        Set<String> watched;
        try {
            watched = ids.stream().map(NodeId::datasetOrJob).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException e) {
            return Flux.error(e);
        }
        Predicate<LineageChange> filter = change -> watched.contains(change.node());
        return updates.lineage(filter);
    }

    private static boolean wanted(List<String> kinds, JobKey job, String kind, RunView run) {
        return (kinds == null || kinds.isEmpty() || kinds.contains(kind))
                && (job == null
                        || (job.namespace().equals(run.jobNamespace())
                                && job.name().equals(run.jobName())));
    }
}
