package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The printed summary table and the CSV (one row per figure, with the load average at the time). */
final class Table {

    private Table() {}

    static void print(
            List<Ingest.Result> ingest,
            Ceiling.Result ceiling,
            List<Traversal.Result> traversal,
            Footprint.Result footprint,
            long freshReady,
            long restartReady,
            long firstEvent,
            Map<String, String> loads) {
        System.out.println();
        System.out.println(
                "| ingest | clients | events/s | of ceiling | p50 ms | p99 ms | errors | events/tx | commit ms | load avg |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (var r : ingest) {
            System.out.printf(
                    "| %s | %d | %,.0f | %.0f%% | %.1f | %.1f | %d | %.1f | %.1f | %s |%n",
                    r.label(),
                    r.clients(),
                    r.perSecond(),
                    100 * r.perSecond() / ceiling.perSecond(),
                    r.p50Ms(),
                    r.p99Ms(),
                    r.errors(),
                    r.eventsPerCommit(),
                    r.commitMs(),
                    loads.get(r.label().equals("paced") ? "ingest paced" : "ingest " + r.clients()));
        }
        System.out.printf(
                "| raw ceiling (Bolt, %,d events/tx) | 1 | %,.0f | 100%% | | | | | | %s |%n",
                ceiling.batch(), ceiling.perSecond(), loads.get("ceiling"));
        System.out.println();
        System.out.println("| traversal | via | nodes | p50 ms | p95 ms | p95 / raw same answer |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (var r : traversal) {
            System.out.printf(
                    "| %s | %s | %,d | %.1f | %.1f | %s |%n",
                    r.query(),
                    r.via(),
                    r.nodes(),
                    r.p50Ms(),
                    r.p95Ms(),
                    Double.isNaN(r.vsRaw()) ? "" : String.format("%.2f", r.vsRaw()));
        }
        System.out.println("(traversal load avg at start: " + loads.get("traversal") + ")");
        System.out.println();
        System.out.printf(
                "footprint: RSS %.0f MiB; heap used %.0f MiB, %.0f MiB live after full GC, max %.0f MiB;"
                        + " ready %d ms fresh, %d ms with the graph; first event %d ms after ready (load %s)%n",
                footprint.rssMiB(),
                footprint.heapUsedMiB(),
                footprint.heapAfterGcMiB(),
                footprint.heapMaxMiB(),
                freshReady,
                restartReady,
                firstEvent,
                loads.get("first event"));
    }

    static void writeCsv(
            Path csv,
            List<Ingest.Result> ingest,
            Ceiling.Result ceiling,
            List<Traversal.Result> traversal,
            Map<String, String> loads)
            throws IOException {
        var lines = new ArrayList<String>();
        lines.add("section,name,via,nodes_or_clients,rate_per_s,p50_ms,p9x_ms,load_avg");
        for (var r : ingest) {
            lines.add(String.format(
                    "ingest,%s,http,%d,%.1f,%.2f,%.2f,%s",
                    r.label(),
                    r.clients(),
                    r.perSecond(),
                    r.p50Ms(),
                    r.p99Ms(),
                    loads.get(r.label().equals("paced") ? "ingest paced" : "ingest " + r.clients())));
        }
        lines.add(String.format("ceiling,raw,bolt,1,%.1f,,,%s", ceiling.perSecond(), loads.get("ceiling")));
        for (var r : traversal) {
            lines.add(String.format(
                    "traversal,%s,%s,%d,,%.2f,%.2f,%s",
                    r.query(), r.via(), r.nodes(), r.p50Ms(), r.p95Ms(), loads.get("traversal")));
        }
        Files.write(csv, lines);
    }
}
