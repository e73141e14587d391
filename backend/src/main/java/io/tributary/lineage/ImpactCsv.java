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

    private ImpactCsv() {}

    static String of(ImpactReport report) {
        var datasetsAndJobs = new ArrayList<ImpactReport.Node>(report.datasets());
        datasetsAndJobs.addAll(report.jobs());
        datasetsAndJobs.sort(Comparator.comparingInt(ImpactReport.Node::distance)
                .thenComparing(ImpactReport.Node::kind)
                .thenComparing(ImpactReport.Node::namespace)
                .thenComparing(ImpactReport.Node::name));
        var csv = new StringBuilder(HEADER).append("\r\n");
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

    private static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
