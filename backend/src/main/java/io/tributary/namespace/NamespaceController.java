package io.tributary.namespace;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Namespaces with counts of their jobs, datasets and runs. Each count is its own batched field, so a page that shows
 * only job counts does not pay for counting runs.
 */
@Controller
class NamespaceController {

    private final Namespaces namespaces;

    NamespaceController(Namespaces namespaces) {
        this.namespaces = namespaces;
    }

    @QueryMapping
    List<Namespace> namespaces() {
        return namespaces.all();
    }

    @BatchMapping
    Map<Namespace, Integer> jobCount(List<Namespace> namespaces) {
        return this.namespaces.jobCounts(namespaces);
    }

    @BatchMapping
    Map<Namespace, Integer> datasetCount(List<Namespace> namespaces) {
        return this.namespaces.datasetCounts(namespaces);
    }

    @BatchMapping
    Map<Namespace, Integer> runCount(List<Namespace> namespaces) {
        return this.namespaces.runCounts(namespaces);
    }
}
