package io.tributary.alert;

import io.tributary.event.LineageEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch of committed events touched, with the facts of those jobs and datasets as the graph has them now.
 *
 * @param endedJobs jobs with a terminal run event (COMPLETE, FAIL, ABORT)
 * @param checkedDatasets datasets with data-quality results
 * @param schemaDatasets datasets an event sent a schema for
 * @param writtenDatasets datasets a run event wrote (outputs)
 */
record Touched(
        Set<Facts.Key> endedJobs,
        Set<Facts.Key> checkedDatasets,
        Set<Facts.Key> schemaDatasets,
        Set<Facts.Key> writtenDatasets,
        Map<Facts.Key, Facts.Job> jobs,
        Map<Facts.Key, Facts.Dataset> datasets) {

    /** The keys of a batch of events, before any fact is read. */
    record Keys(Set<Facts.Key> endedJobs, Set<Facts.Key> checked, Set<Facts.Key> schemas, Set<Facts.Key> written) {

        static Keys of(List<LineageEvent> events) {
            var ended = new LinkedHashSet<Facts.Key>();
            var checked = new LinkedHashSet<Facts.Key>();
            var schemas = new LinkedHashSet<Facts.Key>();
            var written = new LinkedHashSet<Facts.Key>();
            for (LineageEvent e : events) {
                if (e.kind() == LineageEvent.Kind.RUN
                        && e.job() != null
                        && LineageEvent.TERMINAL_TYPES.contains(e.eventType())) {
                    ended.add(new Facts.Key(e.job().namespace(), e.job().name()));
                }
                for (var list : List.of(e.inputs(), e.outputs())) {
                    for (LineageEvent.DatasetInfo d : list) {
                        var key = new Facts.Key(d.namespace(), d.name());
                        if (d.quality() != null) {
                            checked.add(key);
                        }
                        if (d.fields() != null) {
                            schemas.add(key);
                        }
                    }
                }
                if (e.kind() == LineageEvent.Kind.RUN) {
                    e.outputs().forEach(d -> written.add(new Facts.Key(d.namespace(), d.name())));
                }
            }
            return new Keys(ended, checked, schemas, written);
        }

        Set<Facts.Key> datasets() {
            var all = new LinkedHashSet<>(checked);
            all.addAll(schemas);
            all.addAll(written);
            return all;
        }

        boolean isEmpty() {
            return endedJobs.isEmpty() && checked.isEmpty() && schemas.isEmpty() && written.isEmpty();
        }
    }
}
