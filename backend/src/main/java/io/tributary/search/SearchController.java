package io.tributary.search;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Full-text search over jobs, datasets and columns (see {@link SearchIndex}). */
@Controller
class SearchController {

    private final SearchIndex index;

    SearchController(SearchIndex index) {
        this.index = index;
    }

    @QueryMapping
    List<SearchResult> search(@Argument String query, @Argument List<String> kinds, @Argument int first) {
        if (first < 1 || first > 100) {
            throw new IllegalArgumentException("first must be between 1 and 100");
        }
        return index.search(query, kinds, first);
    }
}
