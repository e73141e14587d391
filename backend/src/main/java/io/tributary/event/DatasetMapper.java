package io.tributary.event;

import static io.tributary.event.Json.bool;
import static io.tributary.event.Json.text;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Maps one dataset entry of an event (input, output, or a dataset event's dataset) to what the graph stores. */
final class DatasetMapper {

    private DatasetMapper() {}

    static LineageEvent.DatasetInfo map(JsonNode dataset, boolean input) {
        JsonNode facets = dataset.path("facets");
        JsonNode ioFacets = dataset.path(input ? "inputFacets" : "outputFacets");
        JsonNode statistics = ioFacets.path(input ? "inputStatistics" : "outputStatistics");
        return new LineageEvent.DatasetInfo(
                text(dataset, "namespace"),
                text(dataset, "name"),
                FacetMapper.datasetFacets(facets),
                schema(facets.get("schema")),
                columnLineage(facets.get("columnLineage")),
                datasetColumnLineage(facets.get("columnLineage")),
                symlinks(facets.get("symlinks"), facets.get("lifecycleStateChange")),
                FacetMapper.statistics(statistics.isObject() ? statistics : null),
                FacetMapper.quality(ioFacets, facets));
    }

    /** The schema flattened depth-first; null when the event carried no schema (not the same as an empty one). */
    private static List<LineageEvent.SchemaField> schema(JsonNode schema) {
        if (schema == null || !schema.isObject() || isDeleted(schema)) {
            return null;
        }
        var fields = new ArrayList<LineageEvent.SchemaField>();
        flatten(schema.path("fields"), null, 0, fields);
        return fields;
    }

    private static void flatten(JsonNode nodes, String parentPath, int depth, List<LineageEvent.SchemaField> into) {
        int ordinal = 0;
        for (JsonNode node : nodes) {
            String name = text(node, "name");
            if (name == null) {
                continue;
            }
            String path = parentPath == null ? name : parentPath + "." + name;
            into.add(new LineageEvent.SchemaField(
                    path, name, parentPath, ordinal++, depth, text(node, "type"), text(node, "description")));
            flatten(node.path("fields"), path, depth + 1, into);
        }
    }

    /**
     * One derivation per (output field, input field, transformation). The legacy form, with
     * {@code transformationType}/{@code transformationDescription} beside the input fields and no per-input
     * transformations, becomes one derivation per input field carrying the legacy type.
     */
    private static List<LineageEvent.ColumnDerivation> columnLineage(JsonNode facet) {
        var derivations = new ArrayList<LineageEvent.ColumnDerivation>();
        if (facet == null || !facet.isObject() || isDeleted(facet)) {
            return derivations;
        }
        for (var output : facet.path("fields").properties()) {
            JsonNode spec = output.getValue();
            String legacyType = text(spec, "transformationType");
            String legacyDescription = text(spec, "transformationDescription");
            for (JsonNode in : spec.path("inputFields")) {
                addDerivations(in, output.getKey(), legacyType, legacyDescription, derivations);
            }
        }
        return derivations;
    }

    /**
     * The facet's dataset-level entries (spec 1.2 {@code dataset}: input fields that shape the whole output, such as
     * filter, join and group-by columns), one derivation per (input field, transformation), with no output field.
     */
    private static List<LineageEvent.ColumnDerivation> datasetColumnLineage(JsonNode facet) {
        var derivations = new ArrayList<LineageEvent.ColumnDerivation>();
        if (facet == null || !facet.isObject() || isDeleted(facet)) {
            return derivations;
        }
        for (JsonNode in : facet.path("dataset")) {
            addDerivations(in, null, null, null, derivations);
        }
        return derivations;
    }

    private static void addDerivations(
            JsonNode in,
            String outputField,
            String legacyType,
            String legacyDescription,
            List<LineageEvent.ColumnDerivation> into) {
        String namespace = text(in, "namespace");
        String name = text(in, "name");
        String field = text(in, "field");
        if (namespace == null || name == null || field == null) {
            return;
        }
        JsonNode transformations = in.path("transformations");
        if (transformations.isArray() && !transformations.isEmpty()) {
            for (JsonNode t : transformations) {
                into.add(new LineageEvent.ColumnDerivation(
                        outputField,
                        namespace,
                        name,
                        field,
                        text(t, "type") == null ? "UNKNOWN" : text(t, "type"),
                        text(t, "subtype"),
                        text(t, "description"),
                        bool(t, "masking")));
            }
        } else {
            into.add(new LineageEvent.ColumnDerivation(
                    outputField,
                    namespace,
                    name,
                    field,
                    legacyType == null || legacyType.isBlank() ? "UNKNOWN" : legacyType,
                    null,
                    legacyDescription == null || legacyDescription.isBlank() ? null : legacyDescription,
                    null));
        }
    }

    /**
     * The symlinks facet's identifiers, and a RENAME's previous identifier (lifecycleStateChange facet): the old name
     * becomes another name of the dataset, which walks treat as one node (declared by the new name).
     */
    private static List<LineageEvent.Symlink> symlinks(JsonNode facet, JsonNode lifecycle) {
        var symlinks = new ArrayList<LineageEvent.Symlink>();
        if (lifecycle != null && !isDeleted(lifecycle) && "RENAME".equals(text(lifecycle, "lifecycleStateChange"))) {
            JsonNode previous = lifecycle.path("previousIdentifier");
            String namespace = text(previous, "namespace");
            String name = text(previous, "name");
            if (namespace != null && name != null) {
                symlinks.add(new LineageEvent.Symlink(namespace, name, "RENAMED_FROM"));
            }
        }
        if (facet == null || isDeleted(facet)) {
            return symlinks;
        }
        for (JsonNode id : facet.path("identifiers")) {
            String namespace = text(id, "namespace");
            String name = text(id, "name");
            if (namespace != null && name != null) {
                symlinks.add(new LineageEvent.Symlink(namespace, name, text(id, "type")));
            }
        }
        return symlinks;
    }

    private static boolean isDeleted(JsonNode facet) {
        return Boolean.TRUE.equals(bool(facet, "_deleted"));
    }
}
