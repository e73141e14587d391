package io.tributary.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The depth, complexity and alias limits as ONE instrumentation. graphql-java chains several instrumentations with a
 * {@code ChainedInstrumentation} that calls every member for every field of the answer (begin execution, fetch,
 * completion, data fetcher), whether or not the member does anything per field; the limits act only once per request,
 * before execution, so as one member they cost a lean answer of ~10,000 fields nothing per field. In the profile of
 * a 648-node lineage answer the chain of four (these three and Spring's observation) was ~30% of query execution.
 * The checks and their order (depth, then complexity, then aliases when the document is parsed) are graphql-java's
 * own and {@link AliasLimitInstrumentation}'s, delegated to.
 */
class LimitsInstrumentation extends SimplePerformantInstrumentation {

    private final MaxQueryDepthInstrumentation depth;
    private final MaxQueryComplexityInstrumentation complexity;
    private final AliasLimitInstrumentation aliases;

    LimitsInstrumentation(
            MaxQueryDepthInstrumentation depth,
            MaxQueryComplexityInstrumentation complexity,
            AliasLimitInstrumentation aliases) {
        this.depth = depth;
        this.complexity = complexity;
        this.aliases = aliases;
    }

    /** The complexity check keeps state between validation and execution; the others keep none. */
    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return complexity.createStateAsync(parameters);
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(
            DocumentAndVariables documentAndVariables,
            InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return aliases.instrumentDocumentAndVariables(documentAndVariables, parameters, null);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        return complexity.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        depth.beginExecuteOperation(parameters, null); // throws when too deep
        return complexity.beginExecuteOperation(parameters, state); // throws when too complex
    }
}
