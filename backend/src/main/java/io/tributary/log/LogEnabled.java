package io.tributary.log;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether {@code tributary.log.mode} names a log (anything but {@code none}): the log, the projector and read-your-
 * writes exist only then.
 */
public final class LogEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String mode = context.getEnvironment().getProperty("tributary.log.mode", "auto");
        return !mode.trim().toLowerCase(Locale.ROOT).equals("none");
    }
}
