package kr.qfeedback.rules;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The order of rule sources as staff read them (file, then row or line), which decides the row that
 * wins a section and the order analysis tools list rules in; each key is made once per source.
 */
final class SourceOrder {
    /** The sort key of a rule's source, made once per source: analysis sorts millions. */
    private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();

    private SourceOrder() {}

    /** When two rows show the same section, the row higher up in the table wins (documented in rules/README.md). */
    static boolean precedes(SectionChoice candidate, SectionChoice current) {
        return key(candidate.decidedBy().source())
                        .compareTo(key(current.decidedBy().source()))
                < 0;
    }

    /** The sort key of {@code source} ("rules/sections.drl.xlsx 17" and the like). */
    static String key(String source) {
        String known = KEYS.get(source);
        if (known == null) {
            known = keyOnce(source);
            if (KEYS.size() < 100_000) {
                KEYS.putIfAbsent(source, known);
            }
        }
        return known;
    }

    private static String keyOnce(String source) {
        int at = source.lastIndexOf(' ');
        String file = at < 0 ? source : source.substring(0, at);
        String number = at < 0 ? "0" : source.substring(at + 1);
        return file + String.format("%08d", Integer.parseInt(number.replaceAll("\\D", "0")));
    }
}
