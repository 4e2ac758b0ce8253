package kr.qfeedback.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import kr.qfeedback.rules.RuleFiles;

/**
 * What changed between two rules versions, file by file: spreadsheets cell by cell, text files line
 * by line, other files only as changed. Each file lists at most {@value #MAX_LISTED} changes and
 * counts the rest in {@link FileChange#omitted()}.
 */
public final class RuleDiff {
    /** The most cell or line changes listed per file. */
    public static final int MAX_LISTED = 200;

    private static final Set<String> TEXT_EXTENSIONS = Set.of(".drl", ".yaml", ".yml", ".md", ".json", ".txt", ".csv");

    private RuleDiff() {}

    /** The changed files in path order; {@code before} may be null (the first version: every file is added). */
    public static List<FileChange> between(RuleFiles before, RuleFiles after) {
        Objects.requireNonNull(after, "after must not be null");
        Map<String, byte[]> old = before == null ? Map.of() : before.files();
        Map<String, byte[]> now = after.files();
        TreeSet<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<FileChange> changes = new ArrayList<>();
        for (String path : paths) {
            byte[] was = old.get(path);
            byte[] is = now.get(path);
            if (was == null) {
                changes.add(FileChange.whole(path, ChangeKind.ADDED));
            } else if (is == null) {
                changes.add(FileChange.whole(path, ChangeKind.REMOVED));
            } else if (!Arrays.equals(was, is)) {
                changes.add(changed(path, was, is));
            }
        }
        return changes;
    }

    private static FileChange changed(String path, byte[] was, byte[] is) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            List<CellChange> cells = SheetDiff.between(was, is, RuleFiles.display(path));
            return new FileChange(path, ChangeKind.CHANGED, capped(cells), List.of(), omitted(cells));
        }
        if (TEXT_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
            List<LineChange> lines =
                    LineDiff.between(new String(was, StandardCharsets.UTF_8), new String(is, StandardCharsets.UTF_8));
            return new FileChange(path, ChangeKind.CHANGED, List.of(), capped(lines), omitted(lines));
        }
        return FileChange.whole(path, ChangeKind.CHANGED);
    }

    private static <T> List<T> capped(List<T> all) {
        return all.size() <= MAX_LISTED ? all : all.subList(0, MAX_LISTED);
    }

    private static int omitted(List<?> all) {
        return Math.max(0, all.size() - MAX_LISTED);
    }
}
