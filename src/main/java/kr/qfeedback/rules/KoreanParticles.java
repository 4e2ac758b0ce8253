package kr.qfeedback.rules;

/**
 * Picks the Korean particle that fits the word before it, where a template writes both forms:
 * {@code 은(는)}, {@code 이(가)}, {@code 을(를)}, {@code 과(와)}, {@code 으로(로)}. A word ending in a
 * final consonant takes the first form ("1320은"), one ending in a vowel the second ("0042는"); before
 * {@code 으로(로)} a final ㄹ counts as a vowel ("1급으로", "서울로"). Digits are read as Korean
 * numbers (0 영, 1 일, 2 이, …; a number ending in 0 ends in 십/백/천/만, all consonants).
 */
public final class KoreanParticles {
    private static final String[][] PAIRS = {
        {"으로(로)", "으로", "로"}, {"은(는)", "은", "는"}, {"이(가)", "이", "가"}, {"을(를)", "을", "를"}, {"과(와)", "과", "와"}
    };

    private KoreanParticles() {}

    /** Whether a template writes a particle in both forms, so that its filled text needs {@link #resolve}. */
    public static boolean needed(String template) {
        for (String[] pair : PAIRS) {
            if (template.contains(pair[0])) {
                return true;
            }
        }
        return false;
    }

    /** The text with every two-form particle replaced by the form that fits the character before it. */
    public static String resolve(String text) {
        if (!needed(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            for (String[] pair : PAIRS) {
                if (text.startsWith(pair[0], i)) {
                    Final f = finalOf(out);
                    boolean first = pair[1].equals("으로") ? f == Final.CONSONANT : f != Final.VOWEL;
                    out.append(first ? pair[1] : pair[2]);
                    i += pair[0].length();
                    continue outer;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    private enum Final {
        VOWEL,
        CONSONANT,
        RIEUL
    }

    /** The sound the text before a particle ends in (closing brackets and quotes skipped). */
    private static Final finalOf(CharSequence before) {
        for (int k = before.length() - 1; k >= 0; k--) {
            char c = before.charAt(k);
            if (c == ')' || c == ']' || c == '\'' || c == '"' || c == '’' || c == '”' || c == ' ') {
                continue;
            }
            if (c >= 0xAC00 && c <= 0xD7A3) {
                int jong = (c - 0xAC00) % 28;
                return jong == 0 ? Final.VOWEL : jong == 8 ? Final.RIEUL : Final.CONSONANT;
            }
            if (c >= '0' && c <= '9') {
                return switch (c) {
                    case '2', '4', '5', '9' -> Final.VOWEL; // 이, 사, 오, 구
                    case '1', '7', '8' -> Final.RIEUL; // 일, 칠, 팔
                    default -> Final.CONSONANT; // 영·십·백·천·만, 삼, 육
                };
            }
            char lower = Character.toLowerCase(c);
            if (lower == 'l' || lower == 'r') {
                return Final.RIEUL;
            }
            return lower == 'm' || lower == 'n' ? Final.CONSONANT : Final.VOWEL;
        }
        return Final.VOWEL;
    }
}
