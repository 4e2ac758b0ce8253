package kr.qfeedback.decision.plain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How values read inside Korean sentences: dates as Q-Net prints them (2026.03.11), numbers without trailing zeros. */
final class PlainDisplay {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private PlainDisplay() {
    }

    static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    static String number(Number n) {
        if (n == null) {
            return null;
        }
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
}
