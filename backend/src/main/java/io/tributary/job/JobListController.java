package io.tributary.job;

import io.tributary.entity.EntityLookup;
import io.tributary.entity.EntityPages;
import io.tributary.entity.JobView;
import io.tributary.graphql.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Jobs page: jobs in (namespace, name) order, paged with Relay cursors. */
@Controller
class JobListController {

    private final EntityPages pages;
    private final EntityLookup lookup;

    JobListController(EntityPages pages, EntityLookup lookup) {
        this.pages = pages;
        this.lookup = lookup;
    }

    @QueryMapping
    Connection<JobView> jobs(@Argument String namespace, @Argument int first, @Argument String after) {
        return pages.page(
                "read/job/page", "read/job/page-in-namespace", namespace, first, after, lookup::jobs, JobView::key);
    }
}
