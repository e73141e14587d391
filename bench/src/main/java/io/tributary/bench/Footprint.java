package io.tributary.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.ObjectMapper;

/** Memory of the service process: RSS from /proc, heap used from Actuator (before and after a full GC). */
final class Footprint {

    record Result(double rssMiB, double heapUsedMiB, double heapAfterGcMiB, double heapMaxMiB) {}

    private Footprint() {}

    static Result of(Service service) throws Exception {
        double heap = heapUsed(service);
        // A full GC shows the live set, which is what decides whether the service fits its heap.
        new ProcessBuilder("jcmd", Long.toString(service.pid()), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
        Thread.sleep(500);
        return new Result(rss(service.pid()), heap, heapUsed(service), metric(service, "jvm.memory.max") / MIB);
    }

    private static final double MIB = 1024.0 * 1024.0;

    private static double heapUsed(Service service) throws Exception {
        return metric(service, "jvm.memory.used") / MIB;
    }

    private static double metric(Service service, String name) throws Exception {
        var request = HttpRequest.newBuilder(service.uri("/actuator/metrics/" + name + "?tag=area:heap"))
                .build();
        String body = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
        return new ObjectMapper()
                .readTree(body)
                .path("measurements")
                .get(0)
                .path("value")
                .asDouble();
    }

    static double rss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
