package io.tributary.graphql;

/** Checks of GraphQL arguments; a violation is an {@link IllegalArgumentException}, answered as BAD_REQUEST. */
public final class Arguments {

    /** Largest page of a connection. */
    public static final int MAX_PAGE = 500;

    private Arguments() {}

    public static int page(int first) {
        return range("first", first, 1, MAX_PAGE);
    }

    public static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
