package io.tributary.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A two-panel bar chart (ingest rate; traversal p95) drawn with java.awt, so the bench needs no chart library. */
final class Plot {

    private static final int W = 1240;
    private static final int H = 520;
    private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};

    private Plot() {}

    static void write(Path png, List<Ingest.Result> ingest, double ceiling, List<Traversal.Result> traversal)
            throws Exception {
        System.setProperty("java.awt.headless", "true");
        var image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        var rates = new LinkedHashMap<String, double[]>();
        for (var r : ingest) {
            if (r.label().equals("closed")) {
                rates.put(r.clients() + " clients", new double[] {r.perSecond()});
            }
        }
        rates.put("raw ceiling", new double[] {ceiling});
        panel(g, 40, "Ingest over HTTP (events/s); line = 3,000 target", rates, List.of("events/s"), 3000);
        var latency = new LinkedHashMap<String, double[]>();
        for (var r : traversal) {
            var key = r.query()
                    .replace("lineage depth ", "lin d")
                    .replace("columnLineage depth ", "col d")
                    .replace("impact maxNodes 10000", "impact 10k")
                    .replace("impact full (uncapped)", "impact all");
            double[] v = latency.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN, Double.NaN});
            int series = r.via().equals(Traversal.GRAPHQL) || r.via().equals(Traversal.CSV)
                    ? 0
                    : r.via().equals(Traversal.SAME) ? 1 : 2;
            v[series] = r.p95Ms();
        }
        panel(
                g,
                620,
                "Traversal p95 (ms); line = 30 ms target",
                latency,
                List.of("service (GraphQL / CSV)", "raw, same answer", "raw 1 statement"),
                30);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(
            Graphics2D g, int x0, String title, Map<String, double[]> bars, List<String> series, double target) {
        int top = 50;
        int bottom = H - 80;
        int width = 540;
        double max = target;
        for (double[] v : bars.values()) {
            for (double d : v) {
                if (!Double.isNaN(d)) {
                    max = Math.max(max, d);
                }
            }
        }
        max *= 1.1;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, x0, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawLine(x0 + 50, top, x0 + 50, bottom);
        g.drawLine(x0 + 50, bottom, x0 + 50 + width, bottom);
        for (int i = 0; i <= 5; i++) {
            double v = max * i / 5;
            int y = bottom - (int) ((bottom - top) * i / 5.0);
            g.drawString(String.format("%,.0f", v), x0, y + 4);
        }
        int groups = bars.size();
        int slot = width / Math.max(1, groups);
        int bar = Math.max(4, (slot - 10) / series.size());
        int i = 0;
        for (var e : bars.entrySet()) {
            int gx = x0 + 55 + i * slot;
            for (int s = 0; s < e.getValue().length; s++) {
                double v = e.getValue()[s];
                if (Double.isNaN(v)) {
                    continue;
                }
                int h = (int) ((bottom - top) * v / max);
                g.setColor(SERIES[s % SERIES.length]);
                g.fillRect(gx + s * bar, bottom - h, bar - 2, h);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format("%,.0f", v), gx + s * bar, bottom - h - 3);
            }
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), gx, bottom + 15 + (i % 2) * 13);
            i++;
        }
        int ty = bottom - (int) ((bottom - top) * target / max);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        g.drawLine(x0 + 50, ty, x0 + 50 + width, ty);
        g.setStroke(new BasicStroke());
        for (int s = 0; s < series.size(); s++) {
            g.setColor(SERIES[s % SERIES.length]);
            g.fillRect(x0 + 60 + s * 150, H - 35, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s), x0 + 76 + s * 150, H - 25);
        }
    }
}
