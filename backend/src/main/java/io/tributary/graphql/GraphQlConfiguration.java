package io.tributary.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.scalars.ExtendedScalars;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Scalars, request limits, cached documents, a schema inspection that refuses to start when a schema field has no
 * data fetcher, and the GraphiQL page.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    private static final Set<String> TRAVERSALS = Set.of("lineage", "columnLineage", "impact", "runLineage");

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(ExtendedScalars.DateTime)
                .scalar(ExtendedScalars.GraphQLLong)
                .scalar(ExtendedScalars.Json)
                .scalar(DurationScalar.DURATION);
    }

    /** Depth, complexity (graph traversals weigh more) and aliases, checked once per request. */
    @Bean
    LimitsInstrumentation limits(GraphQlLimits limits) {
        return new LimitsInstrumentation(
                new MaxQueryDepthInstrumentation(limits.maxDepth()),
                // Graph traversals cost far more than plain fields, so they weigh more against the budget.
                new MaxQueryComplexityInstrumentation(
                        limits.maxComplexity(),
                        (environment, childComplexity) ->
                                (TRAVERSALS.contains(environment.getField().getName()) ? 50 : 1) + childComplexity),
                new AliasLimitInstrumentation(limits.maxAliases()));
    }

    /**
     * Parsed and validated documents are kept (a few hundred distinct queries: the UI and scripts send a handful, each
     * with different variables), see {@link CachedDocuments}.
     */
    @Bean
    CachedDocuments cachedDocuments() {
        return new CachedDocuments(500);
    }

    @Bean
    GraphQlSourceBuilderCustomizer useCachedDocuments(CachedDocuments documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    /**
     * The same instrumentations, in the same order, as Spring chains them (every {@link Instrumentation} bean), in a
     * chain that does not call them per field where none of them acts per field ({@link FieldQuietChain}).
     */
    @Bean
    GraphQlSourceBuilderCustomizer fieldQuietInstrumentation(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(
                new FieldQuietChain(instrumentations.orderedStream().toList())));
    }

    /**
     * GraphiQL at {@code spring.graphql.graphiql.path} ({@code /graphiql}) on the build's own copy of GraphiQL and
     * React ({@code static/graphiql.html}), in place of Spring's page, which loads them from a CDN and never finishes
     * loading without the internet. Like the UI shell it holds no data and needs no key (the route table in
     * {@code access} says so): its queries go to {@code /graphql}, with the read key where reads are protected.
     */
    @Bean
    RouterFunction<ServerResponse> graphiQlPage(
            GraphQlProperties graphQl, @Value("classpath:static/graphiql.html") Resource page) {
        return RouterFunctions.route(
                RequestPredicates.GET(graphQl.getGraphiql().getPath()),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
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
