package io.tributary.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** How {@code --demo} and the data directory settings combine. */
class DemoModeTest {

    @Test
    void demoFlagTurnsTheDemoOnWithAStoreOfItsOwn() {
        var environment = start(Map.of(), "--demo");
        assertThat(environment.getProperty("tributary.demo.enabled", Boolean.class))
                .isTrue();
        assertThat(environment.getProperty("tributary.data-dir")).isEqualTo("data-demo");
    }

    @Test
    void aChosenDataDirectoryWinsOverTheDemoDefault() {
        assertThat(start(Map.of(), "--demo", "--tributary.data-dir=/srv/lineage")
                        .getProperty("tributary.data-dir"))
                .isEqualTo("/srv/lineage");
        assertThat(start(Map.of("TRIBUTARY_DATA_DIR", "/srv/env"), "--demo").getProperty("tributary.data-dir"))
                .isEqualTo("/srv/env");
    }

    @Test
    void theEnvironmentVariableTurnsTheDemoOnToo() {
        assertThat(start(Map.of("TRIBUTARY_DEMO_ENABLED", "true")).getProperty("tributary.data-dir"))
                .isEqualTo("data-demo");
    }

    @Test
    void withoutTheFlagNothingChanges() {
        for (var environment : new ConfigurableEnvironment[] {start(Map.of()), start(Map.of(), "--demo=false")}) {
            assertThat(environment.getProperty("tributary.demo.enabled")).isNull();
            assertThat(environment.getProperty("tributary.data-dir")).isNull();
        }
    }

    private static ConfigurableEnvironment start(Map<String, Object> variables, String... args) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        sources.addFirst(new SimpleCommandLinePropertySource(args));
        new DemoMode().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
