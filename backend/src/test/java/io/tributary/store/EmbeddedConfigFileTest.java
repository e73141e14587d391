package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code TRIBUTARY_EMBEDDED_CONFIG_FILE}: an operator's {@code neo4j.conf}-style file tunes the embedded database, but
 * cannot open it to the network or turn its loopback-only setup into something else.
 */
class EmbeddedConfigFileTest extends EndToEndTest {

    @DynamicPropertySource
    static void configFile(DynamicPropertyRegistry registry) {
        try {
            Path file = Files.createTempFile("tributary-neo4j", ".conf");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    # tuning an operator may want
                    dbms.cypher.min_replan_interval=42s
                    db.checkpoint.interval.time=7m
                    # settings the service owns: ignored in favour of its own
                    server.bolt.listen_address=0.0.0.0:7687
                    server.http.enabled=true
                    """);
            registry.add("tributary.embedded.config-file", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void settingsFromTheFileApplyWhileTheServiceKeepsBoltOnLoopbackAndHttpOff() {
        assertThat(setting("dbms.cypher.min_replan_interval")).isEqualTo("42s");
        assertThat(setting("db.checkpoint.interval.time")).isEqualTo("7m");
        assertThat(setting("server.bolt.listen_address")).isEqualTo("127.0.0.1:0");
        assertThat(setting("server.http.enabled")).isEqualTo("false");
        // And the service works on top of it.
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private String setting(String name) {
        return (String) single("SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value", Map.of("name", name));
    }
}
