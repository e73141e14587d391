package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.StoredFacets;
import io.tributary.graphql.ArgumentBatches;
import io.tributary.store.DatasetKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** The Dataset type: identity, data dictionary, producers and consumers, accesses, symlinks and facets. */
@Controller
class DatasetController {

    private final EntityLookup lookup;
    private final DatasetFields fields;
    private final DatasetAccesses accesses;
    private final Symlinks symlinks;
    private final StoredFacets facets;

    DatasetController(
            EntityLookup lookup,
            DatasetFields fields,
            DatasetAccesses accesses,
            Symlinks symlinks,
            StoredFacets facets,
            BatchLoaderRegistry registry) {
        ArgumentBatches.<DatasetView, EdgeWindow, List<JobView>>register(
                registry,
                "datasetProducers",
                (datasets, window) -> lookup.jobsOf("read/dataset/producers", datasets, window));
        ArgumentBatches.<DatasetView, EdgeWindow, List<JobView>>register(
                registry,
                "datasetConsumers",
                (datasets, window) -> lookup.jobsOf("read/dataset/consumers", datasets, window));
        this.lookup = lookup;
        this.fields = fields;
        this.accesses = accesses;
        this.symlinks = symlinks;
        this.facets = facets;
    }

    @QueryMapping
    DatasetView dataset(@Argument String namespace, @Argument String name) {
        return lookup.datasets(List.of(new DatasetKey(namespace, name))).values().stream()
                .findFirst()
                .orElse(null);
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, List<FieldView>> fields(List<DatasetView> datasets) {
        return fields.of(datasets);
    }

    /** Producers and consumers take arguments, so they are batched per arguments (see {@link ArgumentBatches}). */
    @SchemaMapping(typeName = "Dataset")
    CompletableFuture<List<JobView>> producers(
            DatasetView dataset,
            @Argument Boolean history,
            @Argument OffsetDateTime since,
            DataLoader<ArgumentBatches.Key<DatasetView, EdgeWindow>, List<JobView>> datasetProducers) {
        return datasetProducers.load(new ArgumentBatches.Key<>(dataset, EdgeWindow.of(history, since)));
    }

    @SchemaMapping(typeName = "Dataset")
    CompletableFuture<List<JobView>> consumers(
            DatasetView dataset,
            @Argument Boolean history,
            @Argument OffsetDateTime since,
            DataLoader<ArgumentBatches.Key<DatasetView, EdgeWindow>, List<JobView>> datasetConsumers) {
        return datasetConsumers.load(new ArgumentBatches.Key<>(dataset, EdgeWindow.of(history, since)));
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, DatasetAccesses.Access> lastRead(List<DatasetView> datasets) {
        return accesses.lastRead(datasets);
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, DatasetAccesses.Access> lastWritten(List<DatasetView> datasets) {
        return accesses.lastWritten(datasets);
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, List<Symlinks.Symlink>> symlinks(List<DatasetView> datasets) {
        return symlinks.of(datasets);
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, Map<String, Object>> facets(List<DatasetView> datasets) {
        return facets.datasets(datasets);
    }
}
