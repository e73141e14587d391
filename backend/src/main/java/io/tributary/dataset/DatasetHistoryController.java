package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.graphql.ArgumentBatches;
import io.tributary.graphql.Arguments;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * A dataset's history: its schema versions and its quality results. Both fields take a count, so they are batched
 * through data loaders keyed by dataset and count (see {@link ArgumentBatches}).
 */
@Controller
class DatasetHistoryController {

    DatasetHistoryController(BatchLoaderRegistry registry, SchemaHistory schemas, QualityHistory quality) {
        ArgumentBatches.<DatasetView, Integer, List<SchemaHistory.Version>>register(
                registry, "datasetSchemaHistory", schemas::of);
        ArgumentBatches.<DatasetView, Integer, List<QualityHistory.Result>>register(
                registry, "datasetQuality", quality::of);
    }

    @SchemaMapping(typeName = "Dataset")
    CompletableFuture<List<SchemaHistory.Version>> schemaHistory(
            DatasetView dataset,
            @Argument int last,
            DataLoader<ArgumentBatches.Key<DatasetView, Integer>, List<SchemaHistory.Version>> datasetSchemaHistory) {
        Arguments.range("last", last, 1, 100);
        return datasetSchemaHistory.load(new ArgumentBatches.Key<>(dataset, last));
    }

    @SchemaMapping(typeName = "Dataset")
    CompletableFuture<List<QualityHistory.Result>> quality(
            DatasetView dataset,
            @Argument int last,
            DataLoader<ArgumentBatches.Key<DatasetView, Integer>, List<QualityHistory.Result>> datasetQuality) {
        Arguments.range("last", last, 1, 100);
        return datasetQuality.load(new ArgumentBatches.Key<>(dataset, last));
    }
}
