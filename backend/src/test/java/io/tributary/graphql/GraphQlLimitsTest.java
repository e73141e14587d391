package io.tributary.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.EndToEndTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GraphQlLimitsTest extends EndToEndTest {

    @Test
    void refusesQueriesNestedDeeperThanTheLimit() {
        String deep = "{ run(id: \"x\") { " + "parent { ".repeat(15) + "id" + " }".repeat(15) + " } }";
        graphQl.document(deep)
                .execute()
                .errors()
                .expect(e -> e.getMessage().contains("maximum query depth exceeded"))
                .verify()
                .path("run")
                .pathDoesNotExist();
    }

    @Test
    void refusesQueriesWithTooManyAliases() {
        String aliases = IntStream.range(0, 31)
                .mapToObj(i -> "a" + i + ": run(id: \"x\") { id }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        graphQl.document(aliases)
                .execute()
                .errors()
                .expect(e -> e.getMessage().equals("The query uses 31 aliases; at most 30 are allowed"))
                .verify();
    }

    @Test
    void acceptsQueriesWithinTheLimits() {
        String aliases = IntStream.range(0, 30)
                .mapToObj(i -> "a" + i + ": run(id: \"x\") { id }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        graphQl.document(aliases).execute().errors().verify().path("a29").valueIsNull();
    }

    @Test
    void refusesCyclicFragments() {
        String cyclic =
                "{ run(id: \"x\") { ...A } } fragment A on Run { parent { ...B } } fragment B on Run { parent { ...A } }";
        graphQl.document(cyclic)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .isNotEmpty()
                        .allMatch(e -> e.getMessage().contains("cycle")
                                || e.getMessage().contains("Fragment")));
    }
}
