package kr.qfeedback.reference.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.reference.PassCriterion;

/**
 * Reads each stage's pass criterion out of the 합격기준 part of a 취득방법 text, matched on the text
 * with all whitespace removed; conflicting or unreadable statements give null.
 */
final class PassCriteriaText {
    private static final Pattern SAME_FOR_BOTH = Pattern.compile("\\(\\s*(필기\\s*[·ㆍ]\\s*(?:실기|면접))\\s*동일\\s*\\)");
    private static final Pattern PARENTHESISED = Pattern.compile("\\([^()]*\\)");
    private static final Pattern CRITERION_LABEL = Pattern.compile(
            "(필기(?:시험)?(?:·|ㆍ|및|,|\\.)(?:실기|면접)(?:시험)?|필실기|필기(?:시험)?|실기(?:시험)?|면접(?:시험)?)(?::|(?=\\d))");
    private static final Pattern FULL_MARKS = Pattern.compile("100점(?:을|를|으로|으)?(?:만점|만접)(?:으로|에)?(?:하여)?");
    private static final Pattern AT_LEAST = Pattern.compile("(\\d+)점이상");

    private PassCriteriaText() {}

    /** The criterion of each stage; null where it cannot be read. */
    record Criteria(PassCriterion written, PassCriterion second) {
        static final Criteria NONE = new Criteria(null, null);
    }

    /**
     * The criteria stated in the 합격기준 part of a plain 취득방법 text (null when it has none); a
     * criterion stated without a stage applies to both, or only to the second when there is no written exam.
     */
    static Criteria parse(String section, boolean hasWrittenExam) {
        if (section == null || section.isBlank()) {
            return Criteria.NONE;
        }
        String text = SAME_FOR_BOTH.matcher(section).replaceAll("$1:");
        String previous;
        do {
            previous = text;
            text = PARENTHESISED.matcher(text).replaceAll("");
        } while (!text.equals(previous));
        text = HtmlText.WHITESPACE.matcher(text).replaceAll("");
        if (text.startsWith("합격기준")) {
            text = text.substring("합격기준".length());
        }
        Matcher labels = CRITERION_LABEL.matcher(text);
        List<int[]> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (labels.find()) {
            found.add(new int[] {labels.start(), labels.end()});
            names.add(labels.group(1));
        }
        if (found.isEmpty()) {
            PassCriterion both = criterion(text);
            return new Criteria(hasWrittenExam ? both : null, both);
        }
        if (text.substring(0, found.get(0)[0]).contains("점이상")) {
            return Criteria.NONE; // a figure before the first stage label: cannot tell whose it is
        }
        Slot written = new Slot();
        Slot second = new Slot();
        for (int i = 0; i < found.size(); i++) {
            int end = i + 1 < found.size() ? found.get(i + 1)[0] : text.length();
            PassCriterion c = criterion(text.substring(found.get(i)[1], end));
            String name = names.get(i);
            boolean both = name.equals("필실기") || (name.contains("필기") && (name.contains("실기") || name.contains("면접")));
            if (both || name.startsWith("필기")) {
                written.offer(c);
            }
            if (both || !name.startsWith("필기")) {
                second.offer(c);
            }
        }
        return new Criteria(written.value(), second.value());
    }

    /** Collects the criteria stated for one stage; conflicting or unreadable statements give null. */
    private static final class Slot {
        private PassCriterion value;
        private boolean spoiled;

        void offer(PassCriterion c) {
            if (c == null || (value != null && !value.equals(c))) {
                spoiled = true;
            }
            value = c;
        }

        PassCriterion value() {
            return spoiled ? null : value;
        }
    }

    /**
     * One stage's criterion from whitespace-free text such as
     * "100점을만점으로하여과목당40점이상,전과목평균60점이상."; null when not exactly readable.
     */
    static PassCriterion criterion(String statement) {
        String text = FULL_MARKS.matcher(statement).replaceAll("");
        if (text.contains("100점")) {
            return null;
        }
        Matcher m = AT_LEAST.matcher(text);
        List<int[]> figures = new ArrayList<>();
        while (m.find()) {
            figures.add(new int[] {m.start(), m.end(), Integer.parseInt(m.group(1))});
        }
        if (AT_LEAST.matcher(text).replaceAll("").matches(".*\\d.*")) {
            return null; // some other figure we do not understand
        }
        if (figures.size() == 1) {
            int[] f = figures.get(0);
            int value = f[2];
            if (!inRange(value)) {
                return null;
            }
            return perSubject(text, f[0]) ? new PassCriterion(value, value) : new PassCriterion(null, value);
        }
        if (figures.size() == 2) {
            int[] first = figures.get(0);
            int[] second = figures.get(1);
            String between = text.substring(first[1], second[0]);
            boolean firstIsPerSubject =
                    perSubject(text, first[0]) || between.replace(",", "").startsWith("전과목");
            if (!firstIsPerSubject || !inRange(first[2]) || !inRange(second[2]) || first[2] > second[2]) {
                return null;
            }
            return new PassCriterion(first[2], second[2]);
        }
        return null;
    }

    private static boolean perSubject(String text, int figureStart) {
        String before = text.substring(0, figureStart);
        return before.endsWith("과목당") || before.endsWith("매과목");
    }

    private static boolean inRange(int value) {
        return value > 0 && value <= 100;
    }
}
