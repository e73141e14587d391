package io.tributary.marquez;

import io.tributary.lineage.NodeKind;
import io.tributary.lineage.NodeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marquez's node ids: {@code dataset:<namespace>:<name>}, {@code job:<namespace>:<name>} and, in column lineage,
 * {@code datasetField:<namespace>:<dataset>:<field>}, written unescaped. Namespaces are often URIs
 * ({@code s3://bucket}, {@code postgres://host:5432}), so an id with more colons than parts is split as Marquez splits
 * it: on colons that start neither {@code //} nor a port number.
 */
final class MarquezNodeId {

    static final String DATASET = "dataset";
    static final String JOB = "job";
    static final String FIELD = "datasetField";

    /** A colon that separates parts: not the one of {@code scheme://} nor of {@code host:port}. */
    private static final Pattern SEPARATOR = Pattern.compile(":(?!//|\\d+)");

    private MarquezNodeId() {}

    static String dataset(String namespace, String name) {
        return DATASET + ':' + namespace + ':' + name;
    }

    static String job(String namespace, String name) {
        return JOB + ':' + namespace + ':' + name;
    }

    static String field(String namespace, String dataset, String field) {
        return FIELD + ':' + namespace + ':' + dataset + ':' + field;
    }

    /** The dataset, job or field an id names; refuses anything else with the reason, for a 400. */
    static NodeRef parse(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("nodeId is required");
        }
        int colon = id.indexOf(':');
        String prefix = colon < 0 ? id : id.substring(0, colon);
        NodeKind kind = switch (prefix) {
            case DATASET -> NodeKind.DATASET;
            case JOB -> NodeKind.JOB;
            case FIELD -> NodeKind.FIELD;
            default ->
                throw new IllegalArgumentException(
                        "node ID (" + id + ") must start with '" + DATASET + "', '" + JOB + "' or '" + FIELD + "'");
        };
        List<String> parts = split(id, kind == NodeKind.FIELD ? 4 : 3);
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("node ID (" + id + ") has an empty part");
        }
        return new NodeRef(kind, parts.get(1), parts.get(2), kind == NodeKind.FIELD ? parts.get(3) : null);
    }

    private static List<String> split(String id, int expected) {
        String[] simple = id.split(":", -1);
        if (simple.length < expected) {
            throw new IllegalArgumentException(
                    "node ID (" + id + ") must have " + expected + " parts separated by ':', has " + simple.length);
        }
        if (simple.length == expected) {
            return List.of(simple);
        }
        var parts = new ArrayList<String>(expected);
        Matcher separators = SEPARATOR.matcher(id);
        int from = 0;
        while (parts.size() < expected - 1) {
            if (!separators.find()) {
                throw new IllegalArgumentException("node ID (" + id + ") must have " + expected + " parts");
            }
            parts.add(id.substring(from, separators.start()));
            from = separators.end();
        }
        parts.add(id.substring(from));
        return parts;
    }
}
