package kr.qfeedback.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How values read inside Korean sentences: dates as Q-Net prints them (2026.03.11), numbers without trailing zeros. */
final class Display {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd");
    /** Scores, averages and pass rates (hundredths from 0 to 100) as text, made once. */
    private static final HundredthsTable<String> HUNDREDTHS = new HundredthsTable<>(Display::number, String[]::new);

    /** Rounds and fees as shown, made once each: a cohort repeats a few of them on every page. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> ROUNDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.util.concurrent.ConcurrentHashMap<Integer, String> WON =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHED_MAX = 4096;
    /** Whole numbers from 0 to 2 999 as text (minimums, days, years, ages), made once each. */
    private static final String[] WHOLE = new String[3000];

    private Display() {}

    /**
     * A request's round as Q-Net writes it: "2026-1" reads "2026년 제1회"; any other form is shown
     * as sent.
     */
    static String round(String round) {
        if (round == null) {
            return null;
        }
        String known = ROUNDS.get(round);
        if (known != null) {
            return known;
        }
        String shown = roundOnce(round);
        if (ROUNDS.size() < CACHED_MAX) { // a cohort names a handful of rounds; odd values are not kept
            ROUNDS.putIfAbsent(round, shown);
        }
        return shown;
    }

    private static String roundOnce(String round) {
        int dash = round.indexOf('-');
        if (dash == 4
                && round.length() > 5
                && round.length() <= 8
                && allDigits(round, 0, 4)
                && allDigits(round, 5, round.length())) {
            return round.substring(0, 4) + "년 제" + Integer.parseInt(round.substring(5)) + "회";
        }
        return round;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** An amount of won with thousands separators (19,400); null stays null. */
    static String won(Integer amount) {
        if (amount == null) {
            return null;
        }
        String known = WON.get(amount);
        if (known == null) {
            known = String.format(java.util.Locale.ROOT, "%,d", amount);
            if (WON.size() < CACHED_MAX) { // the reference data holds a few hundred distinct fees
                WON.putIfAbsent(amount, known);
            }
        }
        return known;
    }

    /** {@code Long.toString(n)}; the usual values are made once. */
    static String whole(long n) {
        if (n < 0 || n >= WHOLE.length) {
            return Long.toString(n);
        }
        String known = WHOLE[(int) n];
        if (known == null) { // two threads may both make it: equal strings either way
            known = Long.toString(n);
            WHOLE[(int) n] = known;
        }
        return known;
    }

    static String date(LocalDate date) {
        if (date == null) {
            return null;
        }
        int year = date.getYear();
        return year < 1000 || year > 9999 ? DATE.format(date) : DOTTED.text(date);
    }

    /** The date as {@link LocalDate#toString()} writes it (2026-03-11), for section data; null stays null. */
    static String iso(LocalDate date) {
        if (date == null) {
            return null;
        }
        int year = date.getYear();
        return year < 1000 || year > 9999 ? date.toString() : DASHED.text(date);
    }

    private static final Days DOTTED = new Days('.');
    private static final Days DASHED = new Days('-');

    /**
     * A date's text made once per day from 1970 to 2099 (a cohort's pages show many dates, in any
     * order, on several threads) and each time outside it. Safe to share: two threads that make a
     * day's text at once make equal strings.
     */
    private static final class Days {
        private static final int COUNT = (int) LocalDate.of(2100, 1, 1).toEpochDay();

        private final char separator;
        private final String[] byDay = new String[COUNT];

        Days(char separator) {
            this.separator = separator;
        }

        String text(LocalDate date) {
            long day = date.toEpochDay();
            if (day < 0 || day >= COUNT) {
                return fourDigitYear(date, separator);
            }
            String known = byDay[(int) day];
            if (known == null) {
                known = fourDigitYear(date, separator);
                byDay[(int) day] = known;
            }
            return known;
        }
    }

    private static String fourDigitYear(LocalDate date, char separator) {
        char[] out = new char[10];
        digits(out, 0, date.getYear(), 4);
        out[4] = separator;
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = separator;
        digits(out, 8, date.getDayOfMonth(), 2);
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The plain decimal form without trailing zeros, as {@code new BigDecimal(n.toString())
     * .stripTrailingZeros().toPlainString()} gives it; whole numbers and doubles of ordinary size
     * take a shortcut that gives the same text.
     */
    static String number(Number n) {
        if (n == null) {
            return null;
        }
        if (n instanceof Integer i) {
            return whole(i);
        }
        if (n instanceof Long) {
            return n.toString();
        }
        if (n instanceof Double boxed) {
            String known = HUNDREDTHS.text(boxed);
            return known != null ? known : number(boxed.doubleValue());
        }
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        double abs = Math.abs(d);
        if (abs >= 1e-3 && abs < 1e7) {
            return Double.toString(d); // plain notation, shortest digits, no trailing zeros here
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
