package io.tributary.dataset;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityPages;
import io.tributary.graphql.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Datasets page: datasets in (namespace, name) order, paged with Relay cursors. */
@Controller
class DatasetListController {

    private final EntityPages pages;

    DatasetListController(EntityPages pages) {
        this.pages = pages;
    }

    @QueryMapping
    Connection<DatasetView> datasets(@Argument String namespace, @Argument int first, @Argument String after) {
        return pages.datasets(namespace, first, after);
    }
}
