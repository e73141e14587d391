package io.tributary.testing;

import io.tributary.TributaryApplication;
import io.tributary.digest.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The command line of the suite's child JVMs ({@link ServiceProcess}, {@link Neo4jServerProcess}, the event log's kill
 * test): this JVM's {@code java}, a small heap and C1 only, this test run's classpath.
 *
 * <p>On JDK 25 or newer the children share an ahead-of-time cache (JEP 483 and 514: classes loaded and linked ahead,
 * method profiles), made once by a training start of the service that exits after its context refresh: a child is
 * healthy ~9 s sooner on the 2-core machine (20 s instead of 29 s, warm-up on), for one training start of ~70 s per
 * suite, made by the first child's test. The cache needs the classpath as jars, so the class directories are packed
 * into jars with fixed entry times; the cache is kept in {@code target/child-jvm} and reused by the next run while the
 * jars, the classpath and the JDK are the same. When the cache cannot be made, the children start without it, as
 * before.
 */
public final class ChildJvm {

    /**
     * The tag of the test classes that start child JVMs, for a quicker run without them
     * ({@code -Dtributary.test.excludedGroups=testcontainers,benchmark,child-jvm}).
     */
    public static final String TAG = "child-jvm";

    // Neo4j's page cache needs the first two on Java 25, as in surefire's argLine (see backend/pom.xml)
    private static final List<String> FLAGS = List.of(
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED",
            "-XX:TieredStopAtLevel=1");
    private static final String MAX_HEAP = "512m";
    /** The cache's own notes (classes it skips, code it cannot store) are not the child's output. */
    private static final String QUIET_AOT = "-Xlog:aot*=off";

    private static final Path DIR = Path.of("target", "child-jvm");
    private static final long ENTRY_TIME = 315_532_800_000L; // 1980-01-01, the zip epoch

    private static Prepared prepared;

    private record Prepared(String classPath, List<String> cacheFlags) {}

    private ChildJvm() {}

    /** {@code java}, the flags, {@code -cp} and {@code mainClass}: the arguments of the main class follow. */
    public static List<String> command(Class<?> mainClass) {
        return command(mainClass, MAX_HEAP);
    }

    /** As {@link #command(Class)}, with another {@code -Xmx}. */
    public static List<String> command(Class<?> mainClass, String maxHeap) {
        Prepared jvm = prepared();
        var command = jvm(maxHeap);
        command.addAll(jvm.cacheFlags());
        command.addAll(List.of("-cp", jvm.classPath(), mainClass.getName()));
        return command;
    }

    private static synchronized Prepared prepared() {
        if (prepared == null) {
            prepared = prepare();
        }
        return prepared;
    }

    private static Prepared prepare() {
        String classPath = System.getProperty("java.class.path");
        if (Runtime.version().feature() < 25) {
            return new Prepared(classPath, List.of());
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(DIR);
            String jarred = jarred(classPath);
            Path cache = DIR.resolve("service.aot");
            Path stamp = DIR.resolve("service.aot.stamp");
            String key = Sha256.hex(Runtime.version() + "\n" + jarred + "\n" + contentsOf(jarred));
            boolean current = Files.exists(cache)
                    && Files.exists(stamp)
                    && Files.readString(stamp).equals(key);
            if (!current) {
                Files.deleteIfExists(stamp);
                Files.deleteIfExists(cache);
                if (!train(jarred, cache)) {
                    return new Prepared(classPath, List.of());
                }
                Files.writeString(stamp, key);
            }
            System.out.printf(
                    "Child JVMs use the AOT cache %s (%s, %d ms)%n",
                    cache.toAbsolutePath(),
                    current ? "reused" : "trained",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new Prepared(jarred, List.of("-XX:AOTCache=" + cache.toAbsolutePath(), QUIET_AOT));
        } catch (IOException | RuntimeException e) {
            System.out.println("Child JVMs start without an AOT cache: " + e);
            return new Prepared(classPath, List.of());
        }
    }

    /**
     * A training start on an empty data directory: the service starts, applies its migrations and exits once its
     * context is refreshed ({@code spring.context.exit}), and the JVM writes the cache as it exits.
     */
    private static boolean train(String classPath, Path cache) throws IOException {
        Path dataDir = Files.createTempDirectory("tributary-aot-training-");
        Path log = DIR.resolve("training.log");
        var command = jvm(MAX_HEAP);
        command.addAll(List.of(
                "-XX:AOTCacheOutput=" + cache.toAbsolutePath(),
                "-Dspring.context.exit=onRefresh",
                "-cp",
                classPath,
                TributaryApplication.class.getName(),
                "--server.port=0",
                "--tributary.data-dir=" + dataDir,
                "--tributary.api-key=aot-training",
                "--tributary.embedded.page-cache=64MB",
                "--tributary.embedded.transaction-memory=256MB"));
        Process training = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!training.waitFor(5, TimeUnit.MINUTES)) {
                training.destroyForcibly();
                System.out.println("The AOT training start did not exit within 5 minutes; see " + log);
                return false;
            }
        } catch (InterruptedException e) {
            training.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        if (training.exitValue() != 0 || !Files.exists(cache)) {
            System.out.println("The AOT training start exited with " + training.exitValue() + "; see " + log);
            return false;
        }
        return true;
    }

    /** The classpath with each directory replaced by a jar of it (the cache accepts jars only). */
    private static String jarred(String classPath) throws IOException {
        var entries = new ArrayList<String>();
        int n = 0;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = DIR.resolve(n++ + "-" + path.getFileName() + ".jar");
                writeIfChanged(jar, path);
                entries.add(jar.toAbsolutePath().toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * Packs {@code dir} (directory entries included: Spring's classpath scanning finds packages in a jar through them),
     * sorted, with fixed times, and replaces {@code jar} only when its bytes differ: an unchanged jar keeps the date the
     * cache checks.
     */
    private static void writeIfChanged(Path jar, Path dir) throws IOException {
        Path fresh = Files.createTempFile(DIR, "classes-", ".jar");
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(fresh);
                var out = new JarOutputStream(file)) {
            for (Path p : paths) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                boolean directory = Files.isDirectory(p);
                var entry = new JarEntry(directory ? name + "/" : name);
                entry.setTime(ENTRY_TIME);
                out.putNextEntry(entry);
                if (!directory) {
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
        if (Files.exists(jar) && Files.mismatch(jar, fresh) == -1) {
            Files.delete(fresh);
        } else {
            Files.move(fresh, jar, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Sizes and dates of the classpath's files: the cache is made for exactly these. */
    private static String contentsOf(String classPath) throws IOException {
        var contents = new StringBuilder();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isRegularFile(path)) {
                contents.append(entry)
                        .append(' ')
                        .append(Files.size(path))
                        .append(' ')
                        .append(Files.getLastModifiedTime(path).toMillis())
                        .append('\n');
            }
        }
        return contents.toString();
    }

    /** This JVM's {@code java} with the flags every child gets, training start included. */
    private static List<String> jvm(String maxHeap) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(FLAGS);
        command.add("-Xmx" + maxHeap);
        return command;
    }
}
