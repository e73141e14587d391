package io.tributary.sparkjob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@code java.home} of the JVM running it to the file named by its argument. The build runs it with the
 * toolchain's JDK 17, so the backend test learns which JDK runs Spark without guessing installation paths.
 */
public final class PrintJavaHome {

    private PrintJavaHome() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, System.getProperty("java.home"));
    }
}
