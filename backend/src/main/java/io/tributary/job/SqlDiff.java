package io.tributary.job;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** A unified diff of two SQL texts, line by line with three lines of context, as {@code diff -u} prints it. */
final class SqlDiff {

    private static final int CONTEXT = 3;

    private SqlDiff() {}

    /** The diff from {@code before} to {@code after} (no SQL is no lines); null when the texts are equal. */
    static String unified(String before, String beforeName, String after, String afterName) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.equals(b)) {
            return null;
        }
        Patch<String> patch = DiffUtils.diff(a, b);
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a, patch, CONTEXT));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }
}
