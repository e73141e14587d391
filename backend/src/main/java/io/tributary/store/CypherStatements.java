package io.tributary.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every Cypher statement the service runs, read once from the {@code cypher/} folder (shipped in the jar) and looked up
 * by name, such as {@code ingest/upsert-runs}. Nothing else in the code base holds Cypher text.
 */
public final class CypherStatements {

    private final Map<String, String> byName;

    private CypherStatements(Map<String, String> byName) {
        this.byName = byName;
    }

    public static CypherStatements load() {
        var byName = new TreeMap<String, String>();
        try {
            var resolver = new PathMatchingResourcePatternResolver(CypherStatements.class.getClassLoader());
            for (Resource resource : resolver.getResources("classpath*:cypher/**/*.cypher")) {
                String url = resource.getURL().toString();
                String name = url.substring(url.lastIndexOf("cypher/") + "cypher/".length(), url.length() - 7);
                byName.put(name, resource.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the cypher/ statements", e);
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("No cypher/ statements on the classpath");
        }
        return new CypherStatements(Map.copyOf(byName));
    }

    /** The statement in {@code cypher/<name>.cypher}; fails fast on a typo rather than at first use. */
    public String get(String name) {
        String text = byName.get(name);
        if (text == null) {
            throw new IllegalArgumentException("No statement cypher/" + name + ".cypher");
        }
        return text;
    }

    Map<String, String> startingWith(String prefix) {
        var found = new TreeMap<String, String>();
        byName.forEach((name, text) -> {
            if (name.startsWith(prefix)) {
                found.put(name, text);
            }
        });
        return found;
    }
}
