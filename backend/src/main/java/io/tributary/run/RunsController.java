package io.tributary.run;

import io.tributary.entity.EntityLookup;
import io.tributary.entity.RunView;
import io.tributary.graphql.Arguments;
import io.tributary.graphql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The Runs page: every job's runs, newest first, filtered and paged with Relay cursors. */
@Controller
class RunsController {

    private final RunsPage page;
    private final EntityLookup lookup;

    RunsController(RunsPage page, EntityLookup lookup) {
        this.page = page;
        this.lookup = lookup;
    }

    @QueryMapping
    Connection<RunView> runs(@Argument RunsPage.RunFilter filter, @Argument int first, @Argument String after) {
        Arguments.page(first);
        List<String> ids = page.ids(filter, after, first + 1);
        Map<String, RunView> runs = lookup.runs(ids);
        return Connection.of(
                ids.stream().map(runs::get).filter(Objects::nonNull).toList(), first, RunView::cursor);
    }
}
