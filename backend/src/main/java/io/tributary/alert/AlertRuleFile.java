package io.tributary.alert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operator's rules file ({@code TRIBUTARY_ALERT_RULES_FILE}), YAML:
 *
 * <pre>
 * rules:
 *   - id: orders-fresh                 # optional; from the name otherwise. Keep it to keep mutes and incidents.
 *     name: Orders written by 07:00
 *     kind: FRESHNESS
 *     scope: {namespace: "postgres://db:5432", dataset: "shop.public.orders"}
 *     freshness: {deadline: "07:00", timeZone: Europe/Berlin}
 *     webhook: {url: "https://hooks.slack.com/services/...", format: slack, secretEnv: ORDERS_WEBHOOK_SECRET}
 * </pre>
 */
final class AlertRuleFile {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Contents(List<RuleInput> rules) {}

    private AlertRuleFile() {}

    static List<AlertRule> read(Path file, UnaryOperator<String> env) {
        Contents contents;
        try {
            contents = YAML.readValue(Files.readString(file), Contents.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "TRIBUTARY_ALERT_RULES_FILE: cannot read " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "TRIBUTARY_ALERT_RULES_FILE: " + file + " is not a valid rules file: " + e.getOriginalMessage(), e);
        }
        var rules = new ArrayList<AlertRule>();
        var ids = new HashSet<String>();
        if (contents == null || contents.rules() == null) {
            return rules;
        }
        for (RuleInput input : contents.rules()) {
            try {
                String id = "file:"
                        + (input.id() != null && !input.id().isBlank()
                                ? input.id().strip()
                                : slug(input.name()));
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("two rules have the id " + id + "; give each its own id");
                }
                rules.add(input.toRule(id, AlertRule.Source.FILE, null, env));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("TRIBUTARY_ALERT_RULES_FILE " + file + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static String slug(String name) {
        if (name == null) {
            throw new IllegalArgumentException("an alert rule needs a name");
        }
        return name.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
