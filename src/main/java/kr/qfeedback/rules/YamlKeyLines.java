package kr.qfeedback.rules;

/**
 * The lines of a YAML file staff edited, split and stripped once, to find the 1-based line of a
 * key (nested, e.g. 섹션 → JOBS → DEFAULT → 본문, or at any depth) or of a value, so that each problem
 * points where staff look.
 * A reader looks up a line for every template it checks; splitting the file for each look-up cost
 * a tenth of a start-up's rules compile.
 */
final class YamlKeyLines {
    private final String[] lines;
    private final String[] stripped;
    private final int[] indents;

    YamlKeyLines(String text) {
        lines = text.split("\n", -1);
        stripped = new String[lines.length];
        indents = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            stripped[i] = lines[i].strip();
            indents[i] = stripped[i].isEmpty() ? -1 : lines[i].indexOf(stripped[i].charAt(0));
        }
    }

    /**
     * The line of the last key of {@code keys}: each key is looked for below the previous one, so
     * names used in many sections (DEFAULT) resolve to the right one. Null when the path is not
     * written as plain "key:" lines.
     */
    Integer lineOf(String... keys) {
        int from = 0;
        int found = -1;
        int parentIndent = -1;
        for (String key : keys) {
            found = -1;
            for (int i = from; i < lines.length; i++) {
                String l = stripped[i];
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (indents[i] <= parentIndent) {
                    break;
                }
                if (isKey(l, key)) {
                    found = i;
                    parentIndent = indents[i];
                    break;
                }
            }
            if (found < 0) {
                return null;
            }
            from = found + 1;
        }
        return found + 1;
    }

    /** The line where {@code key:} starts (after indentation), at any depth; null when no line does. */
    Integer anyLineOf(String key) {
        for (int i = 0; i < lines.length; i++) {
            if (stripped[i].startsWith(key + ":") || stripped[i].startsWith(key + " :")) {
                return i + 1;
            }
        }
        return null;
    }

    /** The first line containing {@code fragment}; null when none does or the fragment is blank. */
    Integer lineContaining(String fragment) {
        return fragment == null || fragment.isBlank() ? null : lineContaining(null, fragment, null);
    }

    /** The 1-based line, from {@code from} on (the whole file when null), that first contains {@code fragment}. */
    Integer lineContaining(Integer from, String fragment) {
        return lineContaining(from, fragment, from);
    }

    private Integer lineContaining(Integer from, String fragment, Integer notFound) {
        for (int i = from == null ? 0 : from - 1; i < lines.length && !fragment.isEmpty(); i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        return notFound;
    }

    private static boolean isKey(String line, String key) {
        return keyAt(line, 0, key)
                || (line.length() > 1 && (line.charAt(0) == '"' || line.charAt(0) == '\'') && quotedKey(line, key));
    }

    private static boolean keyAt(String line, int at, String key) {
        return line.startsWith(key, at) && line.length() > at + key.length() && line.charAt(at + key.length()) == ':';
    }

    private static boolean quotedKey(String line, String key) {
        char quote = line.charAt(0);
        int end = 1 + key.length();
        return line.startsWith(key, 1)
                && line.length() > end + 1
                && line.charAt(end) == quote
                && line.charAt(end + 1) == ':';
    }
}
