package io.tributary.dataset;

import io.tributary.dataset.SchemaHistory.SchemaField;
import io.tributary.entity.DatasetVersionView;
import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import io.tributary.graphql.ArgumentBatches;
import io.tributary.graphql.Arguments;
import io.tributary.graphql.Connection;
import io.tributary.store.DatasetKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** A dataset's versions (a Relay connection batched by dataset and page), each with its writing run and schema. */
@Controller
class DatasetVersionController {

    private final DatasetVersions versions;
    private final EntityLookup lookup;

    DatasetVersionController(BatchLoaderRegistry registry, DatasetVersions versions, EntityLookup lookup) {
        this.versions = versions;
        this.lookup = lookup;
        ArgumentBatches.<DatasetView, DatasetVersions.Page, Connection<DatasetVersionView>>register(
                registry, "datasetVersions", versions::of);
    }

    @SchemaMapping(typeName = "Dataset")
    CompletableFuture<Connection<DatasetVersionView>> versions(
            DatasetView dataset,
            @Argument int first,
            @Argument String after,
            DataLoader<ArgumentBatches.Key<DatasetView, DatasetVersions.Page>, Connection<DatasetVersionView>>
                    datasetVersions) {
        Arguments.page(first);
        return datasetVersions.load(new ArgumentBatches.Key<>(dataset, new DatasetVersions.Page(first, after)));
    }

    @BatchMapping(typeName = "DatasetVersion")
    Map<DatasetVersionView, RunView> run(List<DatasetVersionView> list) {
        Map<String, RunView> runs = lookup.runs(
                list.stream().map(DatasetVersionView::runId).distinct().toList());
        var result = new LinkedHashMap<DatasetVersionView, RunView>();
        list.forEach(v -> result.put(v, runs.get(v.runId())));
        return result;
    }

    @BatchMapping(typeName = "DatasetVersion")
    Map<DatasetVersionView, DatasetView> dataset(List<DatasetVersionView> list) {
        Map<DatasetKey, DatasetView> datasets = lookup.datasets(
                list.stream().map(DatasetVersionView::dataset).distinct().toList());
        var result = new LinkedHashMap<DatasetVersionView, DatasetView>();
        list.forEach(v -> result.put(v, datasets.get(v.dataset())));
        return result;
    }

    @BatchMapping(typeName = "DatasetVersion")
    Map<DatasetVersionView, List<SchemaField>> fields(List<DatasetVersionView> list) {
        return versions.fields(list);
    }
}
