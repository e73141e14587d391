package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.access.AccessProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The environment variable names the README documents bind to the settings they name. */
class EnvironmentVariablesTest {

    @Test
    void bindsTheDocumentedEnvironmentVariableNames() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                // Spring maps environment variable names only for a source of this name, as in a real process.
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of(
                                        "TRIBUTARY_API_KEY", "current",
                                        "TRIBUTARY_API_KEY_PREVIOUS", "previous",
                                        "TRIBUTARY_READ_API_KEY", "reader",
                                        "TRIBUTARY_DATA_DIR", "/var/lib/tributary",
                                        "TRIBUTARY_INGEST_MAX_BODY_SIZE", "2MB",
                                        "TRIBUTARY_INGEST_WRITE_TIMEOUT", "5s",
                                        "TRIBUTARY_EXPOSE_SOURCE_CODE", "true")));
        ConfigurationPropertySources.attach(environment);

        TributaryProperties properties = Binder.get(environment).bindOrCreate("tributary", TributaryProperties.class);
        AccessProperties keys = Binder.get(environment).bindOrCreate("tributary", AccessProperties.class);

        assertThat(keys.apiKey()).isEqualTo("current");
        assertThat(keys.apiKeyPrevious()).isEqualTo("previous");
        assertThat(keys.readApiKey()).isEqualTo("reader");
        assertThat(keys.toString()).doesNotContain("current", "previous", "reader");
        assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/tributary"));
        assertThat(properties.ingest().maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(properties.ingest().writeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.ingest().maxBatchEvents()).isEqualTo(1000);
        assertThat(properties.exposeSourceCode()).isTrue();
    }
}
