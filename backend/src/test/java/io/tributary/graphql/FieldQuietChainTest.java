package io.tributary.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The chain answers and instruments as graphql-java's own chain does; it only skips per-field hooks nobody has. */
class FieldQuietChainTest {

    private static final String QUERY = "{ items { a b } }";

    /** Counts once-per-request and per-field completion calls. */
    static final class Counting extends SimplePerformantInstrumentation {
        final AtomicInteger operations = new AtomicInteger();
        final AtomicInteger completions = new AtomicInteger();

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            operations.incrementAndGet();
            return SimpleInstrumentationContext.noOp();
        }

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(
                InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
            completions.incrementAndGet();
            return SimpleInstrumentationContext.noOp();
        }
    }

    /** Acts on once-per-request hooks only, as the request limits do. */
    static final class PerRequestOnly extends SimplePerformantInstrumentation {
        final AtomicInteger operations = new AtomicInteger();

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            operations.incrementAndGet();
            return SimpleInstrumentationContext.noOp();
        }
    }

    /** Wraps every data fetcher, as an observation of data fetchers does. */
    static final class Shouting extends SimplePerformantInstrumentation {
        @Override
        public DataFetcher<?> instrumentDataFetcher(
                DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            return env -> fetcher.get(env) instanceof String s ? s.toUpperCase() : fetcher.get(env);
        }
    }

    @Test
    void aPerFieldHookOneMemberHasIsCalledAsOftenAsGraphqlJavasChainCallsIt() {
        var quiet = new Counting();
        var chained = new Counting();

        var answer = run(members -> new FieldQuietChain(members), List.of(new PerRequestOnly(), quiet));
        var expected = run(ChainedInstrumentation::new, List.of(new PerRequestOnly(), chained));

        assertThat(answer).isEqualTo(expected);
        assertThat(quiet.completions.get()).isPositive().isEqualTo(chained.completions.get());
        assertThat(quiet.operations.get()).isEqualTo(1);
    }

    @Test
    void aWrappedDataFetcherStillChangesTheAnswer() {
        var answer = run(members -> new FieldQuietChain(members), List.of(new PerRequestOnly(), new Shouting()));

        assertThat(answer).isEqualTo(run(ChainedInstrumentation::new, List.of(new Shouting())));
        assertThat(answer.toString()).contains("A1").doesNotContain("a1");
    }

    @Test
    void membersWithoutPerFieldHooksStillSeeEachRequest() {
        var first = new PerRequestOnly();
        var second = new PerRequestOnly();

        var answer = run(members -> new FieldQuietChain(members), List.of(first, second));

        assertThat(answer).isEqualTo(run(ChainedInstrumentation::new, List.of(new PerRequestOnly())));
        assertThat(first.operations.get()).isEqualTo(1);
        assertThat(second.operations.get()).isEqualTo(1);
    }

    private static Object run(Function<List<Instrumentation>, Instrumentation> chain, List<Instrumentation> members) {
        var types = new SchemaParser().parse("type Query { items: [Item] } type Item { a: String b: String }");
        var wiring = RuntimeWiring.newRuntimeWiring()
                .type(
                        "Query",
                        t -> t.dataFetcher(
                                "items",
                                env -> List.of(
                                        Map.of("a", "a1", "b", "b1"), Map.of("a", "a2", "b", "b2"), Map.of("a", "a3"))))
                .build();
        var graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(types, wiring))
                .instrumentation(chain.apply(members))
                .build();
        ExecutionResult result = graphQl.execute(QUERY);
        assertThat(result.getErrors()).isEmpty();
        return result.getData();
    }
}
