package io.tributary.tag;

import io.tributary.entity.DatasetView;
import io.tributary.entity.EntityLookup;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import io.tributary.entity.SourceRows;
import io.tributary.store.DatasetKey;
import io.tributary.store.DriverValues;
import io.tributary.store.GraphStore;
import io.tributary.store.JobKey;
import io.tributary.store.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Tags, catalogs and job dependencies over GraphQL: the newer OpenLineage facets as first-class fields, and tags set by
 * hand (see {@link Tags}).
 */
@Controller
class TagController {

    private final Tags tags;
    private final GraphStore store;
    private final EntityLookup lookup;

    TagController(Tags tags, GraphStore store, EntityLookup lookup) {
        this.tags = tags;
        this.store = store;
        this.lookup = lookup;
    }

    /** What addTag and removeTag answer. */
    record Tagged(Tags.Kind kind, String namespace, String name, String field, List<String> tags) {}

    /** One tag and its sources. */
    record Tagging(String tag, boolean fromFacet, boolean byHand) {}

    /** The catalog facet's fields. */
    record Catalog(
            String name, String framework, String type, String metadataUri, String warehouseUri, String source) {}

    /** A dataset's or job's tags by source, and a dataset's catalog (null for a job or without one). */
    private record Labels(List<String> facetTags, List<String> manualTags, Catalog catalog) {

        static Labels from(Record r) {
            Catalog catalog = null;
            if (r.containsKey("catalogName")) {
                String name = DriverValues.string(r.get("catalogName"));
                String framework = DriverValues.string(r.get("framework"));
                if (name != null || framework != null) {
                    catalog = new Catalog(
                            name,
                            framework,
                            DriverValues.string(r.get("type")),
                            DriverValues.string(r.get("metadataUri")),
                            DriverValues.string(r.get("warehouseUri")),
                            DriverValues.string(r.get("source")));
                }
            }
            return new Labels(
                    DriverValues.strings(r.get("facetTags")), DriverValues.strings(r.get("manualTags")), catalog);
        }

        /** The facet's tags in its order, then those only set by hand; each with its sources. */
        List<Tagging> taggings() {
            var all = new LinkedHashSet<String>(facetTags);
            all.addAll(manualTags);
            var result = new ArrayList<Tagging>(all.size());
            all.forEach(t -> result.add(new Tagging(t, facetTags.contains(t), manualTags.contains(t))));
            return result;
        }
    }

    private record DatasetKeys(List<DatasetKey> keys) {}

    private record JobKeys(List<JobKey> keys) {}

    private record RunIds(List<String> ids) {}

    @MutationMapping
    Tagged addTag(
            @Argument Tags.Kind kind,
            @Argument String namespace,
            @Argument String name,
            @Argument String field,
            @Argument String tag) {
        return new Tagged(kind, namespace, name, field, tags.set(kind, namespace, name, field, tag, true));
    }

    @MutationMapping
    Tagged removeTag(
            @Argument Tags.Kind kind,
            @Argument String namespace,
            @Argument String name,
            @Argument String field,
            @Argument String tag) {
        return new Tagged(kind, namespace, name, field, tags.set(kind, namespace, name, field, tag, false));
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, List<Tagging>> taggings(List<DatasetView> datasets) {
        var labels = datasetLabels(datasets);
        var result = new java.util.LinkedHashMap<DatasetView, List<Tagging>>();
        labels.forEach((d, l) -> result.put(d, l == null ? List.of() : l.taggings()));
        return result;
    }

    @BatchMapping(typeName = "Dataset")
    Map<DatasetView, Catalog> catalog(List<DatasetView> datasets) {
        var result = new java.util.HashMap<DatasetView, Catalog>();
        datasetLabels(datasets).forEach((d, l) -> {
            if (l != null && l.catalog() != null) {
                result.put(d, l.catalog());
            }
        });
        return result;
    }

    @BatchMapping(typeName = "Job", field = "taggings")
    Map<JobView, List<Tagging>> jobTaggings(List<JobView> jobs) {
        Map<JobKey, List<Labels>> rows = store.read(
                "read/tag/job-labels",
                Parameters.of(new JobKeys(jobs.stream().map(JobView::key).toList())),
                SourceRows.byJob(Labels::from));
        var result = new java.util.LinkedHashMap<JobView, List<Tagging>>();
        for (JobView job : jobs) {
            var labels = rows.getOrDefault(job.key(), List.of());
            result.put(job, labels.isEmpty() ? List.of() : labels.getFirst().taggings());
        }
        return result;
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, List<JobView>> dependencies(List<JobView> jobs) {
        return lookup.relatedJobs("read/job/dependencies", jobs);
    }

    @BatchMapping(typeName = "Job")
    Map<JobView, List<JobView>> dependents(List<JobView> jobs) {
        return lookup.relatedJobs("read/job/dependents", jobs);
    }

    @BatchMapping(typeName = "Run", field = "tags")
    Map<RunView, List<String>> runTags(List<RunView> runs) {
        Map<String, List<List<String>>> rows = store.read(
                "read/tag/run-tags",
                Parameters.of(
                        new RunIds(runs.stream().map(RunView::id).distinct().toList())),
                SourceRows.byRun(r -> DriverValues.strings(r.get("tags"))));
        var result = new java.util.LinkedHashMap<RunView, List<String>>();
        for (RunView run : runs) {
            var found = rows.getOrDefault(run.id(), List.of());
            result.put(run, found.isEmpty() ? List.of() : found.getFirst());
        }
        return result;
    }

    private Map<DatasetView, Labels> datasetLabels(List<DatasetView> datasets) {
        Map<DatasetKey, List<Labels>> rows = store.read(
                "read/tag/dataset-labels",
                Parameters.of(
                        new DatasetKeys(datasets.stream().map(DatasetView::key).toList())),
                SourceRows.byDataset(Labels::from));
        var result = new java.util.LinkedHashMap<DatasetView, Labels>();
        for (DatasetView d : datasets) {
            var labels = rows.getOrDefault(d.key(), List.of());
            result.put(d, labels.isEmpty() ? null : labels.getFirst());
        }
        return result;
    }
}
