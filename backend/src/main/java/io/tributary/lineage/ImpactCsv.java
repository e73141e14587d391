package io.tributary.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An impact report as RFC 4180 CSV (CRLF line ends, fields quoted only when they hold a comma, quote or line break):
 * a header row, then datasets and jobs by distance, then columns by distance. Several owners share one cell,
 * separated by ';'.
 */
final class ImpactCsv {

    static final String HEADER = "kind,namespace,name,field,distance,owners";

    private static final Comparator<ImpactReport.Node> ORDER = Comparator.comparingInt(ImpactReport.Node::distance)
            .thenComparing(ImpactReport.Node::kind)
            .thenComparing(ImpactReport.Node::namespace)
            .thenComparing(ImpactReport.Node::name);

    private ImpactCsv() {}

    static String of(ImpactReport report) {
        List<ImpactReport.Node> datasetsAndJobs = merge(report.datasets(), report.jobs());
        var csv = new StringBuilder(
                        64 * (datasetsAndJobs.size() + report.columns().size() + 1))
                .append(HEADER)
                .append("\r\n");
        for (List<ImpactReport.Node> rows : List.of(datasetsAndJobs, report.columns())) {
            for (ImpactReport.Node n : rows) {
                csv.append(n.kind().name())
                        .append(',')
                        .append(cell(n.namespace()))
                        .append(',')
                        .append(cell(n.name()))
                        .append(',')
                        .append(cell(n.field() == null ? "" : n.field()))
                        .append(',')
                        .append(n.distance())
                        .append(',')
                        .append(cell(String.join(";", n.owners())))
                        .append("\r\n");
            }
        }
        return csv.toString();
    }

    /**
     * Datasets and jobs in one list by distance, kind, namespace and name. Each list already comes in that order (the
     * report's), so a linear merge gives it without sorting ~100k rows again.
     */
    static List<ImpactReport.Node> merge(List<ImpactReport.Node> datasets, List<ImpactReport.Node> jobs) {
        var merged = new ArrayList<ImpactReport.Node>(datasets.size() + jobs.size());
        int d = 0;
        int j = 0;
        while (d < datasets.size() || j < jobs.size()) {
            if (j == jobs.size() || (d < datasets.size() && ORDER.compare(datasets.get(d), jobs.get(j)) <= 0)) {
                merged.add(datasets.get(d++));
            } else {
                merged.add(jobs.get(j++));
            }
        }
        return merged;
    }

    private static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
