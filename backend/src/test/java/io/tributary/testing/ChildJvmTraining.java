package io.tributary.testing;

import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts making the child JVMs' ahead-of-time cache as a test run begins, when the run includes a class tagged
 * {@link ChildJvm#TAG}: the training start then runs beside the in-process tests (which leave a core mostly idle)
 * instead of before the first child. Registered in {@code META-INF/services}.
 */
public final class ChildJvmTraining implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        TestTag tag = TestTag.create(ChildJvm.TAG);
        boolean childJvms = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(test -> test.getTags().contains(tag));
        if (childJvms) {
            ChildJvm.prepareInBackground();
        }
    }
}
