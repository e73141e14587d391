package io.tributary.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The operator's rules file, freshness deadlines and template bodies, without a service. */
class AlertRuleFileTest {

    @TempDir
    Path dir;

    @Test
    void readsRulesWithTheirScopeParametersAndASecretFromTheEnvironment() throws Exception {
        Path file = write("""
                rules:
                  - id: orders-fresh
                    name: Orders written by 07:00
                    kind: freshness
                    scope: {namespace: "postgres://db:5432", dataset: "shop.public.orders"}
                    freshness: {deadline: "07:00", timeZone: Europe/Berlin}
                    webhook: {url: "https://hooks.slack.com/services/T0/B0/xyz", format: slack, secretEnv: ORDERS_SECRET}
                  - name: Empty loads
                    kind: METRIC_OUT_OF_RANGE
                    scope: {job: "etl.*"}
                    metric: {metric: rowCount, min: 1}
                    webhook: {url: "https://alerts.example.com/tributary"}
                """);

        List<AlertRule> rules = AlertRuleFile.read(file, Map.of("ORDERS_SECRET", "from-env")::get);

        assertThat(rules).extracting(AlertRule::id).containsExactly("file:orders-fresh", "file:empty-loads");
        AlertRule fresh = rules.getFirst();
        assertThat(fresh.kind()).isEqualTo(RuleKind.FRESHNESS);
        assertThat(fresh.source()).isEqualTo(AlertRule.Source.FILE);
        assertThat(fresh.scope())
                .isEqualTo(new AlertRule.Scope("postgres://db:5432", null, "shop.public.orders", null, null));
        assertThat(fresh.freshness())
                .isEqualTo(new AlertRule.Freshness(null, LocalTime.of(7, 0), ZoneId.of("Europe/Berlin")));
        assertThat(fresh.webhook().format()).isEqualTo(WebhookFormat.SLACK);
        assertThat(fresh.webhook().secret()).isEqualTo("from-env");
        assertThat(fresh.webhook().redactedUrl()).isEqualTo("https://hooks.slack.com/…");
        AlertRule metric = rules.get(1);
        assertThat(metric.metric()).isEqualTo(new AlertRule.MetricRange("rowCount", null, 1.0, null));
        assertThat(metric.webhook().format()).isEqualTo(WebhookFormat.JSON);
        assertThat(metric.webhook().signed()).isFalse();
    }

    @Test
    void refusesARuleThatCannotWorkNamingTheFileAndTheProblem() throws Exception {
        Path file = write("""
                rules:
                  - name: Stale orders
                    kind: FRESHNESS
                    webhook: {url: "https://alerts.example.com/x"}
                """);

        assertThatThrownBy(() -> AlertRuleFile.read(file, name -> null))
                .hasMessageContaining("TRIBUTARY_ALERT_RULES_FILE")
                .hasMessageContaining(
                        "'Stale orders': FRESHNESS needs exactly one of freshness.maxAge and freshness.deadline");
        Path unknownKey = write("rules:\n  - name: x\n    kind: JOB_FAILED\n    hook: {}\n");
        assertThatThrownBy(() -> AlertRuleFile.read(unknownKey, name -> null))
                .hasMessageContaining("is not a valid rules file");
        Path ftp = write("rules:\n  - name: x\n    kind: JOB_FAILED\n    webhook: {url: \"ftp://host/x\"}\n");
        assertThatThrownBy(() -> AlertRuleFile.read(ftp, name -> null)).hasMessageContaining("http(s) URL");
    }

    @Test
    void aDailyDeadlineAsksForAWriteInTheDayBeforeTheLastDeadline() {
        var sla = new AlertRule.Freshness(null, LocalTime.of(7, 0), ZoneId.of("Europe/Berlin"));

        // 08:00 in Berlin (UTC+1 in winter): today's 07:00 passed, so a write since yesterday 07:00 is needed.
        assertThat(sla.writtenSince(OffsetDateTime.parse("2024-11-27T07:00:00Z")))
                .isEqualTo(OffsetDateTime.parse("2024-11-26T06:00:00Z"));
        // 06:00 in Berlin: today's deadline is still ahead, yesterday's counts.
        assertThat(sla.writtenSince(OffsetDateTime.parse("2024-11-27T05:00:00Z")))
                .isEqualTo(OffsetDateTime.parse("2024-11-25T06:00:00Z"));
        assertThat(new AlertRule.Freshness(Duration.ofHours(6), null, null)
                        .writtenSince(OffsetDateTime.parse("2024-11-27T05:00:00Z")))
                .isEqualTo(OffsetDateTime.parse("2024-11-26T23:00:00Z"));
    }

    @Test
    void templateValuesAreEscapedSoThatAJsonTemplateStaysJson() {
        Map<String, Object> body = Map.of(
                "summary", "Job \"x\" failed:\nline two \\ done", "impact", Map.of("ownerNames", List.of("a", "b\"c")));

        String rendered = Templates.render(
                "{\"text\": \"{{summary}}\", \"owners\": [{{#impact.ownerNames}}\"{{.}}\",{{/impact.ownerNames}}\"\"], \"x\": \"{{missing}}\"}",
                body);

        var parsed = JsonMapper.builder().build().readTree(rendered);
        assertThat(parsed.path("text").asString()).isEqualTo("Job \"x\" failed:\nline two \\ done");
        assertThat(parsed.path("owners").get(1).asString()).isEqualTo("b\"c");
        assertThat(parsed.path("x").asString()).isEmpty();
        assertThatThrownBy(() -> Templates.compile("{{#open}}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scopeGlobsMatchWholeNamesOnly() {
        assertThat(Glob.matches("etl.*", "etl.orders")).isTrue();
        assertThat(Glob.matches("etl.*", "xetl.orders")).isFalse();
        assertThat(Glob.matches("a.b", "axb")).as("dots are dots").isFalse();
        assertThat(Glob.matches("*_daily", "sales_daily")).isTrue();
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "rules", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
