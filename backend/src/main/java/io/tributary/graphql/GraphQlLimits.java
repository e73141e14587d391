package io.tributary.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits every GraphQL request must stay within; beyond them the request is refused before it runs.
 *
 * @param maxDepth deepest nesting of selections
 * @param maxComplexity sum of field costs (1 each, 50 for a graph traversal, times nesting)
 * @param maxAliases most aliased fields, which could otherwise repeat an expensive field many times in one request
 */
@ConfigurationProperties("tributary.graphql")
public record GraphQlLimits(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("5000") int maxComplexity,
        @DefaultValue("30") int maxAliases) {}
