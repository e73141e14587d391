package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.TributaryProperties;
import io.tributary.store.Neo4jProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which log the settings give: by default ({@code auto}) the file log where the database shares the replica's disk, none
 * only when asked for.
 */
class EventLogConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Meters.class, EventLogConfiguration.class);

    @Test
    void theEmbeddedDatabaseGetsTheFileLogByDefault() {
        runner.withPropertyValues("tributary.data-dir=" + dataDir)
                .run(context -> assertThat(context.getBean(EventLog.class)).isInstanceOf(FileEventLog.class));
    }

    @Test
    void noLogWhenNoneIsChosen() {
        runner.withPropertyValues("tributary.data-dir=" + dataDir, "tributary.log.mode=none")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EventLog.class));
    }

    @Test
    void theFileLogLivesInTheDataDirectoryWithTheEmbeddedDatabase() {
        runner.withPropertyValues("tributary.data-dir=" + dataDir, "tributary.log.mode=file")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EventLog.class);
                    assertThat(context.getBean(EventLog.class)).isInstanceOf(FileEventLog.class);
                    assertThat(dataDir.resolve("event-log").resolve("00000000000000000000.log"))
                            .exists();
                });
    }

    @Test
    void theFileLogIsRefusedWithAnExternalDatabase() {
        runner.withPropertyValues(
                        "tributary.data-dir=" + dataDir,
                        "tributary.log.mode=file",
                        "neo4j.uri=neo4j://db.example.com:7687")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("tributary.log.mode=neo4j")
                        .hasMessageContaining("external"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({EventLogProperties.class, TributaryProperties.class, Neo4jProperties.class})
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
