package io.tributary.demo;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * {@code --demo} on the command line (or {@code TRIBUTARY_DEMO_ENABLED=true}) turns the demo on, and its store
 * defaults to {@code ./data-demo} so that demo events never mix into a real store in {@code ./data}; an explicit
 * {@code TRIBUTARY_DATA_DIR} still wins.
 */
public class DemoMode implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "tributary.demo.enabled";
    static final String DATA_DIR = "data-demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> commandLine =
                environment.getPropertySources().get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        boolean flag = commandLine != null
                && commandLine.containsProperty("demo")
                && !"false".equals(String.valueOf(commandLine.getProperty("demo")));
        if (flag) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("tributaryDemoFlag", Map.of(ENABLED, true)));
        }
        if (environment.getProperty(ENABLED, Boolean.class, false)) {
            // Last: below every configured source, so only a data directory nobody chose becomes data-demo.
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("tributaryDemoDefaults", Map.of("tributary.data-dir", DATA_DIR)));
        }
    }

    /** After the configuration files are read, so that a data directory set in them counts as chosen. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
