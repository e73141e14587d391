package io.tributary.dataset;

import java.util.List;

/**
 * A column of a dataset's current schema, with its nested columns so that a data dictionary renders as a tree.
 *
 * @param name the dotted path from the top of the schema, e.g. address.city
 * @param leafName the name within its parent, e.g. city
 * @param parent the path of the enclosing field, null at the top level
 * @param depth 0 at the top level, 1 for a field of a struct, ...
 * @param tags the field's tags: the dataset's tags facet entries naming it and those set on it by hand
 * @param fields the nested fields, in schema order
 */
public record FieldView(
        String name,
        String leafName,
        String type,
        String description,
        String parent,
        int depth,
        List<String> tags,
        List<FieldView> fields) {}
