package io.tributary;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import sun.misc.Signal;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TributaryApplication {

    public static void main(String[] args) {
        exitNormallyOnSigterm();
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
