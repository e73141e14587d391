package io.tributary.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code Duration}: written as ISO-8601 ({@code PT24H}); read as ISO-8601 or in the short form the settings use
 * ({@code 24h}, {@code 90s}).
 */
final class DurationScalar {

    static final GraphQLScalarType DURATION = GraphQLScalarType.newScalar()
            .name("Duration")
            .description("A duration: ISO-8601 (PT24H) or short (24h, 30m, 90s)")
            .coercing(new Coercing<Duration, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Duration duration) {
                        return duration.toString();
                    }
                    throw new CoercingSerializeException("Not a Duration: " + value);
                }

                @Override
                public Duration parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        return parse(text, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("A Duration is a string such as PT24H or 24h");
                }

                @Override
                public Duration parseLiteral(
                        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue text) {
                        return parse(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("A Duration is a string such as PT24H or 24h");
                }
            })
            .build();

    private DurationScalar() {}

    private static <E extends RuntimeException> Duration parse(
            String text, java.util.function.Function<String, E> error) {
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (IllegalArgumentException e) {
            throw error.apply("Not a duration: '" + text + "' (use e.g. PT24H or 24h)");
        }
    }
}
