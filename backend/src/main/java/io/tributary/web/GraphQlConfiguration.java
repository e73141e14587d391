package io.tributary.web;

import graphql.scalars.ExtendedScalars;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars, and a schema inspection that refuses to start when a schema field has no data fetcher. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(ExtendedScalars.DateTime)
                .scalar(ExtendedScalars.GraphQLLong)
                .scalar(ExtendedScalars.Json);
    }

    @Bean
    GraphQlSourceBuilderCustomizer failOnUnmappedFields() {
        return builder -> builder.inspectSchemaMappings(report -> {
            if (!report.unmappedFields().isEmpty()
                    || !report.unmappedArguments().isEmpty()) {
                throw new IllegalStateException("GraphQL schema has unmapped elements:\n" + report);
            }
        });
    }
}
