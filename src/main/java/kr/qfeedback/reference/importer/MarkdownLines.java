package kr.qfeedback.reference.importer;

import java.util.ArrayList;
import java.util.List;

/** Markdown lines joined with "\n", ending with exactly one newline; trailing blank lines are dropped. */
final class MarkdownLines {
    private final List<String> lines = new ArrayList<>();

    void line(String text) {
        lines.add(text);
    }

    void blank() {
        lines.add("");
    }

    String text() {
        List<String> all = new ArrayList<>(lines);
        while (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
            all.remove(all.size() - 1);
        }
        return String.join("\n", all) + "\n";
    }
}
