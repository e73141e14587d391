package io.tributary.alert;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.Map;

/**
 * Generic webhook bodies: a Mustache template over the JSON body ({@code {{summary}}}, {@code {{rule.name}}},
 * {@code {{#impact.ownerNames}}{{.}} {{/impact.ownerNames}}}). Values are escaped as JSON string content, so a template
 * such as {@code {"text": "{{summary}}"}} stays valid JSON whatever the names hold; a missing value is empty.
 */
final class Templates {

    private static final Mustache.Compiler COMPILER =
            Mustache.compiler().withEscaper(Templates::jsonStringContent).defaultValue("");

    private Templates() {}

    static Template compile(String template) {
        try {
            return COMPILER.compile(template);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("webhook template: " + e.getMessage());
        }
    }

    static String render(String template, Map<String, Object> body) {
        return compile(template).execute(body);
    }

    static String jsonStringContent(String raw) {
        var out = new StringBuilder(raw.length() + 8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
