package io.tributary.integrations;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Spark application of the {@code integration-spark} module ({@code io.tributary.sparkjob.SparkLineageJob})
 * in a child JVM. Spark 3.5 does not run on the JDK 21+ that runs these tests, and its dependencies (old Jackson, Netty,
 * Hadoop...) must not meet the service's: the child gets the JDK 17 and the classpath that the module's build wrote to
 * {@code integration-spark/target/spark-job/}. Spark settings are passed as {@code -Dspark.*} system properties, which
 * SparkConf reads exactly like {@code spark-submit --conf}.
 */
final class SparkJobProcess {

    /** Set by the backend pom (surefire): the integration-spark module's target directory. */
    static final String TARGET_PROPERTY = "tributary.integrationSpark.target";

    private static final String MAIN_CLASS = "io.tributary.sparkjob.SparkLineageJob";
    private static final int TAIL_CHARS = 12_000;

    private SparkJobProcess() {}

    /** What the child printed and how long it ran. */
    record Result(String output, Duration wallTime) {}

    /**
     * Runs the job on {@code base} with the given Spark settings and waits for it; fails with the child's output when it
     * cannot start, exits non-zero or outlives {@code timeout} (then it is killed).
     */
    static Result run(Map<String, String> sparkConf, Path base, Duration timeout) {
        Path target = Path.of(System.getProperty(TARGET_PROPERTY, "../integration-spark/target"));
        Path javaHome = Path.of(read(target.resolve("spark-job/java-home.txt")).strip());
        String classpath = target.resolve("classes")
                + java.io.File.pathSeparator
                + read(target.resolve("spark-job/classpath.txt")).strip();
        var command = new ArrayList<String>();
        command.add(javaHome.resolve("bin/java").toString());
        // Spark 3.5 on Java 17 needs sun.nio.ch (its StorageUtils reaches into DirectBuffer cleaning).
        command.add("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
        command.add("-Xmx768m");
        sparkConf.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", classpath, MAIN_CLASS, base.toString()));

        Path log = base.resolveSibling(base.getFileName() + "-spark.log");
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Spark job with " + command.getFirst(), e);
        }
        // Should the test JVM be stopped meanwhile, Spark goes with it.
        Thread killOnExit = new Thread(process::destroyForcibly, "kill-spark-job");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        boolean exited;
        try {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it ends the process anyway.
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - started);
        String output = read(log);
        // The whole output goes to the test's report (target/surefire-reports/*-output.txt).
        System.out.printf("Spark job output (%d ms):%n%s%n", wallTime.toMillis(), output);
        if (!exited) {
            fail(
                    "The Spark job did not finish within %s and was killed. Its output ended with:%n%s",
                    timeout, tail(output));
        }
        if (process.exitValue() != 0) {
            fail("The Spark job exited with %d. Its output ended with:%n%s", process.exitValue(), tail(output));
        }
        return new Result(output, wallTime);
    }

    static String tail(String output) {
        return output.length() <= TAIL_CHARS ? output : "..." + output.substring(output.length() - TAIL_CHARS);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    file + " is missing: the integration-spark module writes it. Build from the repository root"
                            + " (./mvnw verify, or ./mvnw -pl integration-spark,backend verify)",
                    e);
        }
    }
}
