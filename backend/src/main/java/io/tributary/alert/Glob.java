package io.tributary.alert;

import java.util.regex.Pattern;

/** Name patterns in rule scopes: {@code *} stands for any characters, everything else for itself. */
final class Glob {

    private Glob() {}

    static boolean matches(String glob, String value) {
        return value != null && (glob.indexOf('*') < 0 ? glob.equals(value) : value.matches(regex(glob)));
    }

    /** The regular expression of a glob, for Cypher's {@code =~}; null for null. */
    static String regex(String glob) {
        if (glob == null) {
            return null;
        }
        var out = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(".*");
            }
            if (!parts[i].isEmpty()) {
                out.append(Pattern.quote(parts[i]));
            }
        }
        return out.toString();
    }
}
