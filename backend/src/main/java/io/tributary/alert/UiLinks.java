package io.tributary.alert;

import io.tributary.lineage.NodeId;
import io.tributary.lineage.NodeKind;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Links into the web UI for alerts: to the configured UI address, or this host's own port. */
@Component
class UiLinks {

    private final AlertProperties properties;
    private final Environment environment;

    UiLinks(AlertProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    String base() {
        if (properties.uiUrl() != null) {
            String url = properties.uiUrl().toString();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "5000"));
    }

    String node(String nodeId) {
        return base() + "/#/lineage/" + nodeId;
    }

    String downstream(String nodeId) {
        return node(nodeId) + "?up=0&down=5";
    }

    String run(String namespace, String job, String runId) {
        return node(NodeId.of(NodeKind.JOB, namespace, job)) + "?run=" + runId;
    }

    String incident(String id) {
        return base() + "/#/alerts?incident=" + id;
    }
}
