package kr.qfeedback.decision.plain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How values read inside Korean sentences: dates as Q-Net prints them (2026.03.11), numbers without trailing zeros. */
final class PlainDisplay {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd");
    /** A round as requests send it: the year, a dash and the round number (2026-1). */
    private static final Pattern ROUND = Pattern.compile("(\\d{4})-(\\d{1,3})");

    private PlainDisplay() {}

    static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** A request's round as Q-Net writes it: "2026-1" reads "2026년 제1회"; any other form as sent. */
    static String round(String round) {
        if (round == null) {
            return null;
        }
        Matcher m = ROUND.matcher(round);
        return m.matches() ? m.group(1) + "년 제" + Integer.parseInt(m.group(2)) + "회" : round;
    }

    /** An amount of won with thousands separators (19,400). */
    static String won(Integer amount) {
        return amount == null ? null : String.format(Locale.ROOT, "%,d", amount);
    }

    static String number(Number n) {
        if (n == null) {
            return null;
        }
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
}
