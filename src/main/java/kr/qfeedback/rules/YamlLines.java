package kr.qfeedback.rules;

/**
 * The text of a YAML file staff edited, to find the 1-based line a key or a value is on, so that
 * each problem points where staff look.
 */
record YamlLines(String text) {

    /** The line where {@code key:} starts (after indentation); null when no line does. */
    Integer lineOf(String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith(key + ":") || l.startsWith(key + " :")) {
                return i + 1;
            }
        }
        return null;
    }

    /** The first line containing {@code fragment}; null when none does or the fragment is blank. */
    Integer lineContaining(String fragment) {
        if (fragment == null || fragment.isBlank()) {
            return null;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        return null;
    }
}
