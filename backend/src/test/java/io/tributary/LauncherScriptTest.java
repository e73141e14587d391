package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/tributary} finds a Java 21+ where the build would, runs the jar with the build's JVM flags and the
 * user's arguments, and says in one line when there is none. Java homes here are made up (a {@code release} file and
 * an executable {@code bin/java}) and the environment is emptied, so the machine's own JDKs play no part; the script
 * prints its command instead of running it ({@code TRIBUTARY_DRY_RUN=1}).
 */
class LauncherScriptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path tools;
    private Path jar;

    /** A PATH with the shell tools the script uses and no java. */
    @BeforeEach
    void toolsWithoutJava() throws IOException {
        tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("bash", "sed", "dirname", "readlink", "env", "head")) {
            Path found = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream()
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + tool + " on this machine"));
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        jar = Files.writeString(dir.resolve("tributary.jar"), "not read in a dry run");
    }

    @Test
    void takesTheNewestJava21OrLaterWhenJavaHomeIsOlder() throws Exception {
        Path jdks = Files.createDirectories(dir.resolve("jdks"));
        javaHome(jdks.resolve("jdk-11"), "11.0.2");
        javaHome(jdks.resolve("jdk-21"), "21.0.5");
        javaHome(jdks.resolve("jdk-25"), "25.0.1");
        Result run = run(
                Map.of(
                        "JAVA_HOME",
                        javaHome(dir.resolve("jdk-17"), "17.0.15").toString(),
                        "TRIBUTARY_JDK_DIRS",
                        jdks.toString()),
                "--demo",
                "--server.port=8080");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip())
                .isEqualTo(jdks.resolve("jdk-25/bin/java") + " " + buildFlags() + " -jar " + jar
                        + " --demo --server.port=8080");
    }

    @Test
    void javaHomeWinsWhenItIsRecentEnough() throws Exception {
        Path jdks = Files.createDirectories(dir.resolve("jdks"));
        javaHome(jdks.resolve("jdk-25"), "25.0.1");
        Path home = javaHome(dir.resolve("jdk-21"), "21.0.5");
        Result run =
                run(Map.of("JAVA_HOME", home.toString(), "TRIBUTARY_JDK_DIRS", jdks.toString(), "JAVA_OPTS", "-Xmx2g"));

        assertThat(run.out().strip()).startsWith(home.resolve("bin/java") + " " + buildFlags() + " -Xmx2g -jar ");
    }

    @Test
    void withoutJava21ItSaysSoInOneLine() throws Exception {
        Path jdks = Files.createDirectories(dir.resolve("jdks"));
        javaHome(jdks.resolve("jdk-17"), "17.0.15");
        Result run = run(Map.of("TRIBUTARY_JDK_DIRS", jdks.toString()));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("tributary: no Java 21 or newer found")
                .contains("JAVA_HOME");
    }

    /** The JVM flags the build gives the service ({@code tributary.jvm.flags} in backend/pom.xml). */
    private static String buildFlags() throws IOException {
        var flags = Pattern.compile("<tributary\\.jvm\\.flags>(.*)</tributary\\.jvm\\.flags>")
                .matcher(Files.readString(ROOT.resolve("backend/pom.xml")));
        assertThat(flags.find()).isTrue();
        return flags.group(1).strip();
    }

    /** A made-up Java home of that version: its {@code release} file and an executable {@code bin/java}. */
    private static Path javaHome(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private record Result(int exit, String out, String err) {}

    private Result run(Map<String, String> variables, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of(
                tools.resolve("bash").toString(),
                ROOT.resolve("scripts/tributary").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.clear();
        var all = new HashMap<>(variables);
        all.put("PATH", tools.toString());
        all.put("HOME", dir.resolve("home").toString());
        all.put("TRIBUTARY_JAR", jar.toString());
        all.put("TRIBUTARY_DRY_RUN", "1");
        environment.putAll(all);
        Path err = dir.resolve("stderr");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out, Files.readString(err));
    }
}
