package io.tributary.write;

import io.tributary.event.LineageEvent;
import io.tributary.event.LineageEvent.DatasetInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Rows of {@code ingest/upsert-dataset-column-lineage}: one per dataset-level derivation of a dataset (input field,
 * transformation), each naming the output fields it feeds. Those are the output's top-level fields in the same event's
 * schema plus the fields its column-lineage facet names, so the edges do not depend on what other events said.
 */
final class DatasetColumnLineageRows {

    private DatasetColumnLineageRows() {}

    static List<Map<String, Object>> of(LineageEvent e, DatasetInfo d, String version) {
        if (d.datasetColumnLineage().isEmpty()) {
            return List.of();
        }
        var names = new LinkedHashSet<String>();
        if (d.fields() != null) {
            d.fields().stream().filter(f -> f.depth() == 0).forEach(f -> names.add(f.path()));
        }
        d.columnLineage().forEach(c -> names.add(c.outputField()));
        if (names.isEmpty()) {
            // Nothing says which columns the output has: the entries stay in the stored facet only.
            return List.of();
        }
        var outputFields = names.stream()
                .map(name -> Map.<String, Object>of("name", name, "searchText", SearchText.of(name, d.name())))
                .toList();
        var rows = new ArrayList<Map<String, Object>>();
        for (var c : d.datasetColumnLineage()) {
            var row = new HashMap<String, Object>();
            row.put("namespace", d.namespace());
            row.put("name", d.name());
            row.put("outputFields", outputFields);
            row.put("inputNamespace", c.inputNamespace());
            row.put("inputDataset", c.inputDataset());
            row.put("inputField", c.inputField());
            row.put("inputSearchText", SearchText.of(c.inputField(), c.inputDataset()));
            row.put("type", c.type());
            row.put("subtypeKey", c.subtype() == null ? "" : c.subtype());
            row.put("description", c.description());
            row.put("masking", c.masking());
            row.put("jobNamespace", e.job() == null ? null : e.job().namespace());
            row.put("jobName", e.job() == null ? null : e.job().name());
            row.put("time", e.eventTime());
            row.put("version", version);
            rows.add(row);
        }
        return rows;
    }
}
