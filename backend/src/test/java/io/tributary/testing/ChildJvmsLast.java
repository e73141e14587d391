package io.tributary.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Tag;

/**
 * Runs the classes tagged {@link ChildJvm#TAG} after the others, each group in its usual order: the child JVMs' cache
 * is made in the background from the run's start ({@link ChildJvmTraining}), and the in-process classes that run
 * meanwhile leave it a core, where a child test run first would wait for the whole training. Set in
 * {@code junit-platform.properties}.
 */
public final class ChildJvmsLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(ChildJvmsLast::startsChildJvms));
    }

    private static boolean startsChildJvms(ClassDescriptor test) {
        return test.findRepeatableAnnotations(Tag.class).stream()
                .anyMatch(tag -> tag.value().equals(ChildJvm.TAG));
    }
}
