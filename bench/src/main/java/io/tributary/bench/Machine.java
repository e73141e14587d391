package io.tributary.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
final class Machine {

    private Machine() {}

    static String describe() {
        String cpu = "unknown CPU";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse(cpu);
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .orElse(0L);
        } catch (Exception e) {
            // not Linux: keep the defaults
        }
        return String.format(
                "%d cores (%s), %.1f GiB RAM, Java %s",
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1024.0 / 1024.0, Runtime.version());
    }

    /**
     * CPU time (user + system, all threads) a process has used so far, in milliseconds, from {@code /proc/<pid>/stat}
     * (clock ticks of 10 ms); NaN where there is no /proc.
     */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces) start after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
