package kr.qfeedback.reference.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 응시자격 (eligibility) text of a qualification as plain text: from the {@code info} entry of
 * type "응시자격" where the snapshot has one, else from a numbered "③ 응시자격 …" part of the
 * 취득방법 text. Tags and entities are removed by {@link AcquisitionTextParser#clean}, a leading
 * heading is dropped, and a text longer than {@link #LIMIT} characters is cut at the last sentence
 * or list-item boundary before it and marked with "…".
 */
final class EligibilityText {

    /** Roughly how many characters are kept. */
    static final int LIMIT = 600;

    private static final Pattern HEADING = Pattern.compile("^(?:[□■○●◎◇◆▶▷]|[가-하]\\.)?\\s*응시\\s*자격\\s*[:：\\-]?\\s*");
    /** "③ 응시자격" inside a 취득방법 text: only a numbered part, not a mention in a sentence. */
    private static final Pattern NUMBERED_PART = Pattern.compile("[\\u2460-\\u2473]\\s*응시\\s*자격");

    private static final String[] PART_END_MARKERS = {"작업형 실기시험", "작업형실기시험", "안전등급", "※", "합격기준", "시험과목", "검정방법"};
    /**
     * Where a flattened list item begins: "2." or "2)" not preceded by a digit or a dot, a Korean list
     * letter "마." (다 is left out: "다." mostly ends a sentence), a circled number or a bullet.
     */
    private static final Pattern ITEM_START =
            Pattern.compile("(?<![\\d.])\\d{1,2}[.)](?!\\d)|[가나라마바사아자차카타파하]\\.(?!\\d)|[\\u2460-\\u2473※□○●▶■]");
    /** The endings of a Korean sentence before its full stop ("…한다.", "…응시불가함.", "…없음."). */
    private static final String SENTENCE_ENDINGS = "다함음임됨요)";

    private EligibilityText() {}

    /** From the HTML of an {@code info} entry of type "응시자격"; null when it says nothing. */
    static String fromEligibilityEntry(String html) {
        return tidy(AcquisitionTextParser.clean(html));
    }

    /** From the HTML of a 취득방법 text; null when it has no numbered 응시자격 part. */
    static String fromAcquisitionText(String html) {
        String text = AcquisitionTextParser.clean(html);
        Matcher m = NUMBERED_PART.matcher(text);
        if (!m.find()) {
            return null;
        }
        String part = AcquisitionTextParser.section(text.substring(m.start() + 1), "응시자격", PART_END_MARKERS);
        return part == null ? null : tidy(part);
    }

    private static String tidy(String text) {
        String body = HEADING.matcher(text.trim()).replaceFirst("").trim();
        body = body.replaceFirst("^[:：\\-\\s]+", "").trim();
        return body.isEmpty() ? null : shorten(body);
    }

    /** The text itself when short enough, else cut at a sentence or list-item boundary and marked "…". */
    static String shorten(String text) {
        if (text.length() <= LIMIT) {
            return text;
        }
        int cut = -1;
        for (int i = LIMIT; i >= LIMIT / 2 && cut < 0; i--) {
            if (endsSentence(text, i) || startsItem(text, i)) {
                cut = i;
            }
        }
        if (cut < 0) {
            cut = text.lastIndexOf(' ', LIMIT);
        }
        if (cut <= 0) {
            cut = LIMIT;
        }
        return text.substring(0, cut).trim() + " …";
    }

    /** True when the character before {@code i} is a full stop ending a sentence (not "1.", "2014.12" or "마."). */
    private static boolean endsSentence(String text, int i) {
        if (i < 2 || text.charAt(i - 1) != '.') {
            return false;
        }
        boolean digitAfter = i < text.length() && Character.isDigit(text.charAt(i));
        return SENTENCE_ENDINGS.indexOf(text.charAt(i - 2)) >= 0 && !digitAfter;
    }

    private static boolean startsItem(String text, int i) {
        Matcher m = ITEM_START.matcher(text);
        m.useTransparentBounds(true);
        m.region(i, text.length());
        return m.lookingAt() && i > 0 && !Character.isDigit(text.charAt(i - 1));
    }
}
