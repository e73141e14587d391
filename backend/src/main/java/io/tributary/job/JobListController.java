package io.tributary.job;

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

    JobListController(EntityPages pages) {
        this.pages = pages;
    }

    @QueryMapping
    Connection<JobView> jobs(@Argument String namespace, @Argument int first, @Argument String after) {
        return pages.jobs(namespace, first, after);
    }
}
