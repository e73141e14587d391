package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.access.AccessProperties;
import io.tributary.lineage.index.LineageIndexProperties;
import io.tributary.log.EventLogProperties;
import io.tributary.projection.ProjectionProperties;
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
                                Map.ofEntries(
                                        Map.entry("TRIBUTARY_API_KEY", "current"),
                                        Map.entry("TRIBUTARY_API_KEY_PREVIOUS", "previous"),
                                        Map.entry("TRIBUTARY_READ_API_KEY", "reader"),
                                        Map.entry("TRIBUTARY_DATA_DIR", "/var/lib/tributary"),
                                        Map.entry("TRIBUTARY_INGEST_MAX_BODY_SIZE", "2MB"),
                                        Map.entry("TRIBUTARY_INGEST_WRITE_TIMEOUT", "5s"),
                                        Map.entry("TRIBUTARY_EXPOSE_SOURCE_CODE", "true"),
                                        Map.entry("TRIBUTARY_LOG_DIR", "/var/lib/tributary-log"),
                                        Map.entry("TRIBUTARY_LOG_GROUP_MAX_SIZE", "4MB"),
                                        Map.entry("TRIBUTARY_LOG_QUEUE_CAPACITY", "500"),
                                        Map.entry("TRIBUTARY_PROJECTION_WINDOW_MAX_EVENTS", "300"),
                                        Map.entry("TRIBUTARY_PROJECTION_WINDOW_MAX_TIME", "250ms"),
                                        Map.entry("TRIBUTARY_LINEAGE_INDEX_ENABLED", "false"),
                                        Map.entry("TRIBUTARY_LINEAGE_INDEX_HEAP_SHARE", "0.25"))));
        ConfigurationPropertySources.attach(environment);

        TributaryProperties properties = Binder.get(environment).bindOrCreate("tributary", TributaryProperties.class);
        AccessProperties keys = Binder.get(environment).bindOrCreate("tributary", AccessProperties.class);
        EventLogProperties log = Binder.get(environment).bindOrCreate("tributary.log", EventLogProperties.class);
        ProjectionProperties projection =
                Binder.get(environment).bindOrCreate("tributary.projection", ProjectionProperties.class);
        LineageIndexProperties index =
                Binder.get(environment).bindOrCreate("tributary.lineage.index", LineageIndexProperties.class);

        assertThat(keys.apiKey()).isEqualTo("current");
        assertThat(keys.apiKeyPrevious()).isEqualTo("previous");
        assertThat(keys.readApiKey()).isEqualTo("reader");
        assertThat(keys.toString()).doesNotContain("current", "previous", "reader");
        assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/tributary"));
        assertThat(properties.ingest().maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(properties.ingest().writeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.ingest().maxBatchEvents()).isEqualTo(1000);
        assertThat(properties.exposeSourceCode()).isTrue();
        assertThat(log.dir()).isEqualTo(Path.of("/var/lib/tributary-log"));
        assertThat(log.groupMaxSize()).isEqualTo(DataSize.ofMegabytes(4));
        assertThat(log.queueCapacity()).isEqualTo(500);
        assertThat(log.segmentSize()).as("a default beside them").isEqualTo(DataSize.ofMegabytes(64));
        assertThat(projection.windowMaxEvents()).isEqualTo(300);
        assertThat(projection.windowMaxTime()).isEqualTo(Duration.ofMillis(250));
        assertThat(index.enabled()).isFalse();
        assertThat(index.heapShare()).isEqualTo(0.25);
        assertThat(index.pageSize()).as("a default beside them").isEqualTo(50_000);
    }
}
