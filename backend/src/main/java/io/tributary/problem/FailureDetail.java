package io.tributary.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a REST controller: what its request leaves undone when the server fails it, the start of the detail of its 500
 * and 503 problems ("The event was not stored: the database is unavailable ..."). Without it: "The request failed".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FailureDetail {

    String value();
}
