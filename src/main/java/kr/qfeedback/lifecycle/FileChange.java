package kr.qfeedback.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * One rule file that differs: its path, how, the changed cells (spreadsheets) or lines (text files),
 * and how many further changes were left out of the lists to keep them short.
 */
public record FileChange(String path, ChangeKind kind, List<CellChange> cells, List<LineChange> lines, int omitted) {
    public FileChange {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        cells = cells == null ? List.of() : List.copyOf(cells);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A file added or removed as a whole. */
    static FileChange whole(String path, ChangeKind kind) {
        return new FileChange(path, kind, List.of(), List.of(), 0);
    }
}
