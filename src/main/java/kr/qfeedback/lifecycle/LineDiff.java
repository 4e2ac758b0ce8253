package kr.qfeedback.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (Myers' algorithm after trimming the common start and end). When the middle differs
 * in more than {@value #MAX_EDITS} lines it is reported as one replaced block instead, which keeps
 * time and memory bounded for large files.
 */
final class LineDiff {
    static final int MAX_EDITS = 2000;

    private LineDiff() {}

    /** An edit of the middle part: keep, delete line {@code a} of before, or insert line {@code b} of after. */
    private record Edit(char op, int a, int b) {}

    /** The changed lines; adjacent removals and additions are paired into changed lines. */
    static List<LineChange> between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        List<Edit> edits = myers(a, start, endA, b, start, endB);
        if (edits == null) {
            edits = new ArrayList<>();
            for (int i = start; i < endA; i++) {
                edits.add(new Edit('-', i, -1));
            }
            for (int j = start; j < endB; j++) {
                edits.add(new Edit('+', -1, j));
            }
        }
        return pair(edits, a, b);
    }

    static String[] lines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        return lines;
    }

    private static List<LineChange> pair(List<Edit> edits, String[] a, String[] b) {
        List<LineChange> changes = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        for (Edit edit : edits) {
            if (edit.op == '=') {
                flush(removed, added, a, b, changes);
            } else if (edit.op == '-') {
                removed.add(edit.a);
            } else {
                added.add(edit.b);
            }
        }
        flush(removed, added, a, b, changes);
        return changes;
    }

    private static void flush(
            List<Integer> removed, List<Integer> added, String[] a, String[] b, List<LineChange> out) {
        int paired = Math.min(removed.size(), added.size());
        for (int k = 0; k < paired; k++) {
            int i = removed.get(k);
            int j = added.get(k);
            out.add(new LineChange(i + 1, j + 1, a[i], b[j]));
        }
        for (int k = paired; k < removed.size(); k++) {
            int i = removed.get(k);
            out.add(new LineChange(i + 1, null, a[i], null));
        }
        for (int k = paired; k < added.size(); k++) {
            int j = added.get(k);
            out.add(new LineChange(null, j + 1, null, b[j]));
        }
        removed.clear();
        added.clear();
    }

    /** The shortest edit script of a[fromA, toA) into b[fromB, toB), or null beyond {@link #MAX_EDITS}. */
    private static List<Edit> myers(String[] a, int fromA, int toA, String[] b, int fromB, int toB) {
        int n = toA - fromA;
        int m = toB - fromB;
        int limit = Math.min(n + m, MAX_EDITS);
        int offset = limit + 1;
        int[] v = new int[2 * limit + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= limit; d++) {
            int[] snapshot = new int[2 * d + 3];
            System.arraycopy(v, offset - d - 1, snapshot, 0, snapshot.length);
            trace.add(snapshot);
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[fromA + x].equals(b[fromB + y])) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, n, m, fromA, fromB);
                }
            }
        }
        return null;
    }

    private static List<Edit> backtrack(List<int[]> trace, int n, int m, int fromA, int fromB) {
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int at = d + 1;
            int k = x - y;
            int prevK = (k == -d || (k != d && v[at + k - 1] < v[at + k + 1])) ? k + 1 : k - 1;
            int prevX = v[at + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(new Edit('=', fromA + x - 1, fromB + y - 1));
                x--;
                y--;
            }
            if (d > 0) {
                reversed.add(x == prevX ? new Edit('+', -1, fromB + prevY) : new Edit('-', fromA + prevX, -1));
            }
            x = prevX;
            y = prevY;
        }
        List<Edit> edits = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            edits.add(reversed.get(i));
        }
        return edits;
    }
}
