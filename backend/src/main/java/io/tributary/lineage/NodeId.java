package io.tributary.lineage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stable node ids: {@code KIND:namespace:name} and {@code FIELD:namespace:dataset:field}, each part percent-encoded
 * (UTF-8; only RFC 3986 unreserved characters {@code A-Z a-z 0-9 - . _ ~} stay as they are). Namespaces and names
 * are full of ':' and '/', which the encoding escapes, so splitting an id on ':' always gives back its parts; the ids
 * also stay readable and URL-safe. Example: {@code DATASET:file:%2Ftmp%2Fcll_test%2Ftbl1}.
 */
public final class NodeId {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** RFC 3986 unreserved characters, by code: A-Z a-z 0-9 - . _ ~. */
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            UNRESERVED[c] = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "-._~".indexOf(c) >= 0;
        }
    }

    private NodeId() {}

    public static String of(NodeKind kind, String namespace, String name) {
        return kind.name() + ':' + encode(namespace) + ':' + encode(name);
    }

    public static String field(String namespace, String dataset, String field) {
        return NodeKind.FIELD.name() + ':' + encode(namespace) + ':' + encode(dataset) + ':' + encode(field);
    }

    /**
     * The id of a dataset or job as this class writes it, from any spelling of it (such as lower-case escapes);
     * refuses field ids and strings that are not ids.
     */
    public static String datasetOrJob(String id) {
        NodeRef ref = parse(id);
        if (ref.kind() == NodeKind.FIELD) {
            throw new IllegalArgumentException("Not a dataset or job id: " + id);
        }
        return of(ref.kind(), ref.namespace(), ref.name());
    }

    /** The reference an id stands for; refuses strings that are not ids this class made. */
    static NodeRef parse(String id) {
        String[] parts = id.split(":", -1);
        try {
            NodeKind kind = NodeKind.valueOf(parts[0]);
            int expected = kind == NodeKind.FIELD ? 4 : 3;
            if (parts.length != expected) {
                throw new IllegalArgumentException();
            }
            List<String> decoded = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                decoded.add(decode(parts[i]));
            }
            return new NodeRef(kind, decoded.get(0), decoded.get(1), kind == NodeKind.FIELD ? decoded.get(2) : null);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("Not a node id: " + id);
        }
    }

    static String encode(String part) {
        // Most names need no escaping: answer those without copying (ids are made for every node of every walk).
        if (unreserved(part)) {
            return part;
        }
        var out = new StringBuilder(part.length() + 8);
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 128 && UNRESERVED[c]) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c >= 128 || !UNRESERVED[c]) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String part) {
        var bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(part.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException();
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
