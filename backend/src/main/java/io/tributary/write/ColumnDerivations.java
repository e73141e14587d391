package io.tributary.write;

import io.tributary.event.LineageEvent.ColumnDerivation;
import io.tributary.event.LineageEvent.DatasetInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A dataset's column lineage as field-to-field derivations. Dataset-level entries ({@code columnLineage.dataset},
 * facet 1.2: filter, join, group-by and sort columns that shape the whole output) feed every output column, so they
 * are drawn exactly like field-level ones and the graph is the same whether a producer lists such dependencies once per
 * dataset or repeats them under every field (openlineage-spark does either, depending on
 * {@code spark.openlineage.columnLineage.datasetLineageEnabled}).
 */
final class ColumnDerivations {

    private ColumnDerivations() {}

    static List<ColumnDerivation> of(DatasetInfo d) {
        if (d.datasetColumnLineage().isEmpty()) {
            return d.columnLineage();
        }
        // The output's columns: its top-level schema fields in this event and those its facet names, so the edges do
        // not depend on what other events said.
        var outputs = new LinkedHashSet<String>();
        if (d.fields() != null) {
            d.fields().stream().filter(f -> f.depth() == 0).forEach(f -> outputs.add(f.path()));
        }
        d.columnLineage().forEach(c -> outputs.add(c.outputField()));
        var all = new ArrayList<>(d.columnLineage());
        for (var c : d.datasetColumnLineage()) {
            for (var output : outputs) {
                all.add(new ColumnDerivation(
                        output,
                        c.inputNamespace(),
                        c.inputDataset(),
                        c.inputField(),
                        c.type(),
                        c.subtype(),
                        c.description(),
                        c.masking()));
            }
        }
        return all;
    }
}
