package kr.qfeedback.acceptance;

import kr.qfeedback.rules.KoreanParticles;
import kr.qfeedback.wire.ApiError;

/**
 * Puts values into Gherkin so that no value can break the file: a quoted step argument never holds
 * a quote or a line break, a table cell escapes {@code \}, {@code |} and line breaks as Gherkin
 * reads them back, and a name stays on its line.
 */
final class GherkinText {
    private GherkinText() {}

    /**
     * A value for a step argument written {@code "…"} (the steps match {@code [^"]+}); a value that
     * holds a quote or a line break cannot be written and is refused naming {@code field}.
     */
    static String quoted(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiError.invalid(field, field + " is needed to write the scenario.");
        }
        if (value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw ApiError.invalid(
                    field,
                    field + " holds a double quote or a line break, which a scenario sentence cannot quote: "
                            + value.replaceAll("[\\r\\n]", " "));
        }
        return "\"" + value + "\"";
    }

    /**
     * For a step that checks that a text <em>contains</em> words: the longest stretch of {@code text}
     * without a quote or line break, trimmed (every part of the text is contained in it); null when
     * there is none.
     */
    static String containedPart(String text) {
        if (text == null) {
            return null;
        }
        String longest = null;
        for (String part : text.split("[\"\\r\\n]")) {
            String p = part.strip();
            if (!p.isEmpty() && (longest == null || p.length() > longest.length())) {
                longest = p;
            }
        }
        return longest;
    }

    /** {@code "words"이} or {@code "words"가}, as the word before the particle ends. */
    static String withSubjectParticle(String words) {
        // Only the last character decides, so nothing in the words themselves is taken for a particle.
        String particle = KoreanParticles.resolve(words.substring(words.length() - 1) + "이(가)")
                .substring(1);
        return "\"" + words + "\"" + particle;
    }

    /** A data table cell: {@code \}, {@code |} and line breaks escaped as Gherkin unescapes them. */
    static String cell(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\n' -> out.append("\\n");
                case '\r' -> {}
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A name for a {@code 기능:} or {@code 시나리오:} line: control characters and line breaks become spaces. */
    static String oneLine(String name) {
        return name.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    }
}
