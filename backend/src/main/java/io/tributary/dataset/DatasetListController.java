package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.EntityPages;
import io.tributary.graphql.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Datasets page: datasets in (namespace, name) order, paged with Relay cursors. */
@Controller
class DatasetListController {

    private final EntityPages pages;
    private final EntityLookup lookup;

    DatasetListController(EntityPages pages, EntityLookup lookup) {
        this.pages = pages;
        this.lookup = lookup;
    }

    @QueryMapping
    Connection<DatasetView> datasets(@Argument String namespace, @Argument int first, @Argument String after) {
        return pages.page(
                "read/dataset/page",
                "read/dataset/page-in-namespace",
                namespace,
                first,
                after,
                lookup::datasets,
                DatasetView::key);
    }
}
