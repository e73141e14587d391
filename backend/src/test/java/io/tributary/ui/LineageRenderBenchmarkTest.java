package io.tributary.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.CDPSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How long the lineage view takes to lay out and draw a 2,000-node answer in headless Chromium. A measurement, not a
 * test: it asserts nothing about time and runs only with {@code -Pui-benchmark} (see bench/ui-render.md).
 */
@Tag("benchmark")
class LineageRenderBenchmarkTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LAYERS = 10;
    private static final int RUNS = 5;

    @Test
    void layOutAndDrawATwoThousandNodeAnswer() throws IOException {
        ingestTree();
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            // The main thread's CPU time from navigation to drawn graph, which other processes on a busy machine do
            // not inflate the way they inflate wall time. It covers more than the render: script loading, the query.
            CDPSession cdp = page.context().newCDPSession(page);
            cdp.send("Performance.enable");
            double cpuBefore = threadTime(cdp);
            open("#/lineage/DATASET:bench:warehouse.layer10.table_0000?up=40&down=0&max=2000");
            assertThat(page.locator("#lineage-graph[data-state=ready][data-nodes='2000']"))
                    .isVisible();
            @SuppressWarnings("unchecked")
            var sample = (Map<String, Object>) page.evaluate("() => { const l = window.__tributary.lineage;"
                    + " return { layout: l.layout, nodes: l.nodes, edges: l.edges, elementsMs: l.elementsMs, layoutMs: l.layoutMs,"
                    + " drawMs: l.drawMs, renderMs: l.renderMs }; }");
            var withCpu = new LinkedHashMap<String, Object>(sample);
            withCpu.put("pageCpuMs", Math.round((threadTime(cdp) - cpuBefore) * 1000));
            // The same answer drawn again in the same page: no loading, no query, only elements, layout and draw.
            double cpuBeforeRedraw = threadTime(cdp);
            Object redrawMs = page.evaluate(
                    "async () => { await window.__tributary.lineage.rerender(); return window.__tributary.lineage.renderMs; }");
            withCpu.put("redrawMs", redrawMs);
            withCpu.put("redrawCpuMs", Math.round((threadTime(cdp) - cpuBeforeRedraw) * 1000));
            withCpu.put(
                    "loadAverage", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            samples.add(withCpu);
            cdp.detach();
            if (i == 0) {
                // What the answer looks like: whole (fitted), then around the start node at a readable zoom.
                screenshot("LineageRenderBenchmarkTest-2000-nodes");
                page.evaluate("() => { const cy = window.__tributary.lineage.cy;"
                        + " cy.zoom(0.6); cy.center(cy.$('node.root')); }");
                screenshot("LineageRenderBenchmarkTest-2000-nodes-at-the-start");
            }
            page.navigate("about:blank");
        }
        var report = new StringBuilder("lineage view, 2,000-node answer (headless Chromium)\n");
        samples.forEach(s -> report.append(s).append('\n'));
        for (String key : List.of("renderMs", "pageCpuMs", "redrawMs", "redrawCpuMs")) {
            report.append("median ")
                    .append(key)
                    .append(": ")
                    .append(median(samples, key))
                    .append('\n');
        }
        Files.writeString(Path.of("target", "ui-benchmark.txt"), report);
        System.out.print(report);
    }

    private static long median(List<Map<String, Object>> samples, String key) {
        return samples.stream()
                .mapToLong(s -> ((Number) s.get(key)).longValue())
                .sorted()
                .skip(samples.size() / 2)
                .findFirst()
                .orElseThrow();
    }

    /** Seconds of CPU the page's main thread has used (Chrome's ThreadTime metric). */
    private static double threadTime(CDPSession cdp) {
        for (var metric : cdp.send("Performance.getMetrics").getAsJsonArray("metrics")) {
            var m = metric.getAsJsonObject();
            if ("ThreadTime".equals(m.get("name").getAsString())) {
                return m.get("value").getAsDouble();
            }
        }
        throw new IllegalStateException("Chromium reported no ThreadTime metric");
    }

    /**
     * An upstream binary tree with cross links (diamonds): job (l, i) reads tables (l-1, 2i), (l-1, 2i+1) and
     * (l-1, 2i+7 mod width) and writes table (l, i). From the top table, 3,070 nodes lie upstream; maxNodes keeps 2,000.
     */
    private void ingestTree() {
        ArrayNode events = JSON.createArrayNode();
        for (int layer = 1; layer <= LAYERS; layer++) {
            int width = 1 << (LAYERS - layer);
            int below = width * 2;
            for (int i = 0; i < width; i++) {
                ObjectNode event = events.addObject()
                        .put("eventType", "COMPLETE")
                        .put("eventTime", "2024-01-01T00:00:00Z")
                        .put("producer", "https://example.com/benchmark")
                        .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
                event.putObject("run").put("runId", UUID.randomUUID().toString());
                event.putObject("job")
                        .put("namespace", "bench")
                        .put("name", "etl.layer%02d.build_%04d".formatted(layer, i));
                ArrayNode inputs = event.putArray("inputs");
                int cross = (2 * i + 7) % below;
                for (int input : cross == 2 * i || cross == 2 * i + 1
                        ? new int[] {2 * i, 2 * i + 1}
                        : new int[] {2 * i, 2 * i + 1, cross}) {
                    inputs.addObject().put("namespace", "bench").put("name", table(layer - 1, input));
                }
                event.putArray("outputs").addObject().put("namespace", "bench").put("name", table(layer, i));
            }
        }
        // Batches of 250: a 1,000-event batch once outran the 30 s write timeout on the shared machine (load ~20).
        for (int from = 0; from < events.size(); from += 250) {
            ArrayNode batch = JSON.createArrayNode();
            for (int i = from; i < Math.min(from + 250, events.size()); i++) {
                batch.add(events.get(i));
            }
            ingestBatch(batch.toString());
        }
    }

    private static String table(int layer, int i) {
        return "warehouse.layer%02d.table_%04d".formatted(layer, i);
    }
}
