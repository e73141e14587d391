package io.tributary.alert;

import io.tributary.graphql.Connection;
import io.tributary.lineage.NodeKind;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Alert rules, incidents and the delivery log in GraphQL; the mutations need the write key, as every mutation. */
@Controller
class AlertController {

    private final AlertRules rules;
    private final Incidents incidents;
    private final Deliveries deliveries;
    private final Notifier notifier;

    AlertController(AlertRules rules, Incidents incidents, Deliveries deliveries, Notifier notifier) {
        this.rules = rules;
        this.incidents = incidents;
        this.deliveries = deliveries;
        this.notifier = notifier;
    }

    /** The incident's subject, as the GraphQL {@code AlertSubject}. */
    record Subject(NodeKind kind, String namespace, String name, String id) {}

    @QueryMapping
    List<RuleView> alertRules() {
        return rules.all().stream().map(this::view).toList();
    }

    @QueryMapping
    RuleView alertRule(@Argument String id) {
        AlertRule rule = rules.find(id);
        return rule == null ? null : view(rule);
    }

    @QueryMapping
    Connection<Incident> alertIncidents(
            @Argument String status, @Argument String ruleId, @Argument int first, @Argument String after) {
        return incidents.page(status, ruleId, first, after);
    }

    @QueryMapping
    Incident alertIncident(@Argument String id) {
        return incidents.find(id);
    }

    @QueryMapping
    Connection<Delivery> alertDeliveries(
            @Argument String incidentId, @Argument String status, @Argument int first, @Argument String after) {
        return deliveries.page(incidentId, status, first, after);
    }

    @MutationMapping
    RuleView createAlertRule(@Argument RuleInput input) {
        return view(rules.create(input));
    }

    @MutationMapping
    String deleteAlertRule(@Argument String id) {
        rules.delete(id);
        return id;
    }

    @MutationMapping
    RuleView muteAlertRule(@Argument String id, @Argument OffsetDateTime until, @Argument String reason) {
        rules.mute(id, until, reason);
        return view(rules.get(id));
    }

    @MutationMapping
    RuleView unmuteAlertRule(@Argument String id) {
        rules.unmute(id);
        return view(rules.get(id));
    }

    @MutationMapping
    Incident acknowledgeAlertIncident(@Argument String id, @Argument String by, @Argument String note) {
        return incidents.acknowledge(id, by, note);
    }

    @MutationMapping
    Incident resolveAlertIncident(@Argument String id, @Argument String by, @Argument String note) {
        Incidents.Change change = incidents.resolveManually(id, by, note);
        AlertRule rule = rules.find(change.incident().ruleId());
        if (change.opened() && rule != null) { // "opened" here: this call resolved it
            notifier.changed(rule, new Incidents.Change(false, change.incident()));
        }
        return change.incident();
    }

    @MutationMapping
    Delivery testAlertRule(@Argument String id) {
        return notifier.test(rules.get(id));
    }

    @SchemaMapping(typeName = "AlertIncident")
    RuleView rule(Incident incident) {
        AlertRule rule = rules.find(incident.ruleId());
        return rule == null ? null : view(rule);
    }

    @SchemaMapping(typeName = "AlertIncident")
    Subject subject(Incident incident) {
        return new Subject(
                NodeKind.valueOf(incident.subjectKind()),
                incident.subjectNamespace(),
                incident.subjectName(),
                incident.subjectId());
    }

    @BatchMapping(typeName = "AlertIncident")
    Map<Incident, List<Delivery>> deliveries(List<Incident> list) {
        Map<String, List<Delivery>> byIncident = deliveries.ofIncidents(
                list.stream().map(Incident::id).distinct().toList());
        var result = new LinkedHashMap<Incident, List<Delivery>>();
        list.forEach(i -> result.put(i, byIncident.getOrDefault(i.id(), List.of())));
        return result;
    }

    private RuleView view(AlertRule rule) {
        return RuleView.of(rule, rules.mute(rule.id()));
    }
}
