package io.tributary.alert;

/** The body an alert webhook receives. */
public enum WebhookFormat {
    /** Tributary's documented JSON body. */
    JSON,
    /** A Slack incoming-webhook message ({@code text} and {@code blocks}). */
    SLACK,
    /** The rule's Mustache template, filled from the JSON body, values escaped as JSON string content. */
    TEMPLATE
}
