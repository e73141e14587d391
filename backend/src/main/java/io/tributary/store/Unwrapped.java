package io.tributary.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component (usually a key) whose own components are written into the enclosing statement parameters as
 * fields of their own, not as a nested map: with prefix {@code "job"}, a {@link JobKey} becomes {@code jobNamespace}
 * and {@code jobName}; with no prefix, {@code namespace} and {@code name}. Statements then read {@code row.jobName}
 * as they always did, while the Java side keeps one typed key per node.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Unwrapped {

    /** Prefixed to each name, whose first letter is then upper-cased; empty for the bare names. */
    String value() default "";
}
