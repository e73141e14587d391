package io.tributary.run;

import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The Run type: state and times, error, its job, parent and child runs, inputs and outputs, archived facets. */
@Controller
class RunController {

    /** The archived facets of a run: one loader, so facets, jobFacets and externalQueries share one read. */
    static final String ARCHIVE_LOADER = "runArchive";

    /** The errorMessage facet of a failed run. */
    record RunError(String message, String programmingLanguage, String stackTrace) {}

    private final EntityLookup lookup;
    private final RunFamily family;
    private final RunDatasets datasets;

    RunController(
            EntityLookup lookup,
            RunFamily family,
            RunDatasets datasets,
            RunArchive archive,
            BatchLoaderRegistry registry) {
        this.lookup = lookup;
        this.family = family;
        this.datasets = datasets;
        registry.<String, RunArchive.Facets>forName(ARCHIVE_LOADER)
                .registerMappedBatchLoader((ids, environment) ->
                        Mono.fromCallable(() -> archive.facets(ids)).subscribeOn(Schedulers.boundedElastic()));
    }

    @QueryMapping
    RunView run(@Argument String id) {
        return lookup.runs(List.of(id)).get(id);
    }

    @BatchMapping(typeName = "Run")
    Map<RunView, JobView> job(List<RunView> runs) {
        var jobs = lookup.jobs(runs.stream().map(RunView::job).distinct().toList());
        var result = new LinkedHashMap<RunView, JobView>();
        runs.forEach(r -> result.put(r, jobs.get(r.job())));
        return result;
    }

    @BatchMapping(typeName = "Run")
    Map<RunView, RunView> parent(List<RunView> runs) {
        Map<String, List<String>> parentIds = family.parents(ids(runs));
        Map<String, RunView> parents =
                lookup.runs(parentIds.values().stream().map(List::getFirst).toList());
        var result = new LinkedHashMap<RunView, RunView>();
        for (RunView run : runs) {
            List<String> ids = parentIds.get(run.id());
            RunView parent = ids == null ? null : parents.get(ids.getFirst());
            if (parent != null) {
                result.put(run, parent);
            }
        }
        return result;
    }

    @BatchMapping(typeName = "Run")
    Map<RunView, List<RunView>> children(List<RunView> runs) {
        Map<String, List<String>> childIds = family.children(ids(runs));
        Map<String, RunView> children =
                lookup.runs(childIds.values().stream().flatMap(List::stream).toList());
        var byRun = new HashMap<String, List<RunView>>();
        childIds.forEach((id, ids) -> byRun.put(
                id, ids.stream().map(children::get).filter(Objects::nonNull).toList()));
        return SourceRows.perSource(runs, RunView::id, byRun, List.of());
    }

    @BatchMapping(typeName = "Run")
    Map<RunView, List<RunDatasets.RunDataset>> inputs(List<RunView> runs) {
        return datasets.inputs(runs);
    }

    @BatchMapping(typeName = "Run")
    Map<RunView, List<RunDatasets.RunDataset>> outputs(List<RunView> runs) {
        return datasets.outputs(runs);
    }

    @SchemaMapping(typeName = "Run")
    RunError error(RunView run) {
        return run.errorMessage() == null && run.stackTrace() == null
                ? null
                : new RunError(run.errorMessage(), run.errorLanguage(), run.stackTrace());
    }

    @SchemaMapping(typeName = "Run")
    CompletableFuture<Boolean> eventsPurged(RunView run, DataLoader<String, RunArchive.Facets> runArchive) {
        return runArchive.load(run.id()).thenApply(RunArchive.Facets::eventsPurged);
    }

    @SchemaMapping(typeName = "Run")
    CompletableFuture<Map<String, Object>> facets(RunView run, DataLoader<String, RunArchive.Facets> runArchive) {
        return runArchive.load(run.id()).thenApply(RunArchive.Facets::runFacets);
    }

    @SchemaMapping(typeName = "Run")
    CompletableFuture<Map<String, Object>> jobFacets(RunView run, DataLoader<String, RunArchive.Facets> runArchive) {
        return runArchive.load(run.id()).thenApply(RunArchive.Facets::jobFacets);
    }

    @SchemaMapping(typeName = "Run")
    CompletableFuture<List<RunArchive.ExternalQuery>> externalQueries(
            RunView run, DataLoader<String, RunArchive.Facets> runArchive) {
        return runArchive.load(run.id()).thenApply(RunArchive.Facets::externalQueries);
    }

    private static List<String> ids(List<RunView> runs) {
        return runs.stream().map(RunView::id).toList();
    }
}
