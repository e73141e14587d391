package io.tributary.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Slack incoming-webhook message made from the JSON body: {@code text} (notifications and clients without blocks)
 * and {@code blocks} with the summary, the downstream impact and its owners, and links into the UI.
 */
final class SlackMessage {

    private static final int OWNERS_SHOWN = 15;

    private SlackMessage() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> body) {
        var rule = (Map<String, Object>) body.get("rule");
        var incident = (Map<String, Object>) body.get("incident");
        var subject = (Map<String, Object>) body.get("subject");
        var impact = (Map<String, Object>) body.get("impact");
        boolean resolved = AlertMessages.RESOLVED.equals(body.get("event"));
        String mark = resolved ? ":large_green_circle: Resolved" : ":red_circle: " + title((String) rule.get("kind"));
        String summary = escape((String) body.get("summary"));
        var lines = new ArrayList<String>();
        lines.add("*" + summary + "*");
        if (resolved && incident.get("resolution") != null) {
            lines.add(escape((String) incident.get("resolution")));
        }
        lines.add("Rule: " + escape((String) rule.get("name")) + " · "
                + link((String) subject.get("url"), (String) subject.get("name")));
        var owners = (List<Map<String, Object>>) impact.get("owners");
        String ownerText = owners.isEmpty()
                ? "none named"
                : owners.stream()
                                .limit(OWNERS_SHOWN)
                                .map(o -> escape((String) o.get("name")) + " (" + owned(o) + ")")
                                .collect(Collectors.joining(", "))
                        + (owners.size() > OWNERS_SHOWN ? " and " + (owners.size() - OWNERS_SHOWN) + " more" : "");
        String impactText = "*Downstream:* " + impact.get("datasetCount") + " dataset(s), " + impact.get("jobCount")
                + " job(s)"
                + (((Number) impact.get("columnCount")).intValue() > 0
                        ? ", " + impact.get("columnCount") + " column(s)"
                        : "")
                + (Boolean.TRUE.equals(impact.get("truncated")) ? " (at least)" : "")
                + "\n*Owners to tell:* " + ownerText;
        var blocks = List.<Object>of(
                Map.of(
                        "type",
                        "section",
                        "text",
                        Map.of("type", "mrkdwn", "text", mark + "\n" + String.join("\n", lines))),
                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", impactText)),
                Map.of(
                        "type",
                        "context",
                        "elements",
                        List.of(Map.of(
                                "type",
                                "mrkdwn",
                                "text",
                                link((String) incident.get("url"), "Incident") + " · "
                                        + link((String) impact.get("url"), "Downstream lineage")))));
        return Map.of("text", mark + ": " + summary, "blocks", blocks);
    }

    private static String owned(Map<String, Object> owner) {
        var parts = new ArrayList<String>();
        for (var kind : List.of("datasetCount:dataset", "jobCount:job", "columnCount:column")) {
            String[] k = kind.split(":");
            int n = ((Number) owner.get(k[0])).intValue();
            if (n > 0) {
                parts.add(n + " " + k[1] + (n == 1 ? "" : "s"));
            }
        }
        return String.join(", ", parts);
    }

    private static String title(String kind) {
        return switch (kind) {
            case "JOB_FAILED" -> "Job failed";
            case "DURATION_ANOMALY" -> "Unusual duration";
            case "QUALITY_FAILED" -> "Data quality failed";
            case "METRIC_OUT_OF_RANGE" -> "Metric out of range";
            case "FRESHNESS" -> "Freshness SLA missed";
            case "SCHEMA_CHANGE" -> "Breaking schema change";
            case "LINEAGE_DROPPED" -> "Job stopped reading or writing a dataset";
            default -> kind;
        };
    }

    private static String link(String url, String label) {
        return "<" + url.replace("|", "%7C").replace(">", "%3E") + "|" + escape(label) + ">";
    }

    /** Slack's three control characters in message text. */
    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
