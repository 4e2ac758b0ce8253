package kr.qfeedback.feedback;

import java.util.List;
import java.util.Random;

/**
 * Values that are hard to write, for the tests of writers that encode texts (JSON, CSV): each
 * escape JSON knows, each character CSV quotes for, and every kind of UTF-16 unit, a surrogate pair
 * that two neighbours make and lone surrogates included.
 */
public final class HardTexts {
    public static final List<String> VALUES = List.of(
            "정보처리기사",
            "say \"hi\", then go",
            "a,b",
            "back\\slash/",
            "two\nlines\r\n",
            "\t\b\f\u0001\u001f\u007f",
            "é ß ü 😀",
            "x\uD83D",
            "\uDE00y",
            "\uD800",
            "\uDC00",
            "\uD800\uD800\uDC00",
            "42.6",
            "");

    private HardTexts() {}

    /** One of {@link #VALUES} as a new instance, as most values a decision holds are. */
    public static String any(Random random) {
        return new String(VALUES.get(random.nextInt(VALUES.size())));
    }
}
