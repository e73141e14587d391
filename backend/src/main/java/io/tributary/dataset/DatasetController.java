package io.tributary.dataset;

import io.tributary.graph.DatasetView;
import io.tributary.graph.EntityLookup;
import io.tributary.graph.FieldView;
import io.tributary.graph.JobView;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Dataset type: identity, data dictionary, producers and consumers. */
@Controller
class DatasetController {

    private final EntityLookup lookup;
    private final DatasetFields fields;

    DatasetController(EntityLookup lookup, DatasetFields fields) {
        this.lookup = lookup;
        this.fields = fields;
    }

    @QueryMapping
    DatasetView dataset(@Argument String namespace, @Argument String name) {
        return lookup.datasets(List.of(Map.of("namespace", namespace, "name", name))).values().stream()
                .findFirst()
                .orElse(null);
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, List<FieldView>> fields(List<DatasetView> datasets) {
        return fields.of(datasets);
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, List<JobView>> producers(List<DatasetView> datasets) {
        return lookup.jobsOf("read/dataset/producers", datasets, DatasetView::key);
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, List<JobView>> consumers(List<DatasetView> datasets) {
        return lookup.jobsOf("read/dataset/consumers", datasets, DatasetView::key);
    }
}
