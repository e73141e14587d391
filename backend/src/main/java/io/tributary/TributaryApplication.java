package io.tributary;

import io.tributary.projection.RebuildCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import sun.misc.Signal;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TributaryApplication {

    public static void main(String[] args) throws InterruptedException {
        exitNormallyOnSigterm();
        if (Arrays.asList(args).contains("rebuild")) {
            // An operator's command: rebuild the graph from the event log, then exit. Options may come before it.
            System.exit(RebuildCommand.run(
                    TributaryApplication.class,
                    Arrays.stream(args).filter(a -> !a.equals("rebuild")).toArray(String[]::new)));
        }
        SpringApplication.run(TributaryApplication.class, args);
    }

    /**
     * SIGTERM is a requested stop: the service shuts down gracefully (Spring's shutdown hook, as before) and then exits
     * 0 instead of the JVM's 143, which {@code ./mvnw spring-boot:run} (it accepts only 0 and Ctrl-C's 130) reported as
     * BUILD FAILURE. A second SIGTERM waits for the first, as it did.
     */
    private static void exitNormallyOnSigterm() {
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
