package io.tributary.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The retention settings bind from the environment variables the README documents, ISO or simple durations. */
class RetentionPropertiesTest {

    private static RetentionProperties bind(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("tributary.retention", RetentionProperties.class);
    }

    @Test
    void isOffByDefaultAndHourly() {
        RetentionProperties retention = bind(Map.of());
        assertThat(retention.events()).isNull();
        assertThat(retention.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(retention.batchSize()).isEqualTo(10_000);
    }

    @Test
    void bindsTheDocumentedVariablesInIsoAndSimpleForm() {
        assertThat(bind(Map.of("TRIBUTARY_RETENTION_EVENTS", "P90D")).events()).isEqualTo(Duration.ofDays(90));
        RetentionProperties retention = bind(Map.of(
                "TRIBUTARY_RETENTION_EVENTS", "30d",
                "TRIBUTARY_RETENTION_INTERVAL", "15m",
                "TRIBUTARY_RETENTION_BATCH_SIZE", "500"));
        assertThat(retention.events()).isEqualTo(Duration.ofDays(30));
        assertThat(retention.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(retention.batchSize()).isEqualTo(500);
    }

    @Test
    void refusesANonPositiveRetention() {
        assertThatThrownBy(() -> bind(Map.of("TRIBUTARY_RETENTION_EVENTS", "P0D")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("must be positive");
    }
}
