package kr.qfeedback.reference.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the written and second-stage subjects out of the 시험과목 part of a 취득방법 text; a list that
 * cannot be read without interpretation is left empty (see {@link AcquisitionTextParser}).
 */
final class ExamSubjectsText {
    private static final Pattern COMBINED_SUBJECT_LABEL = Pattern.compile("필기\\s*(?:및|·|ㆍ|,)\\s*(?:실기|면접)");
    private static final Pattern NO_WRITTEN_EXAM = Pattern.compile("\\(?\\s*필기\\s*시험\\s*없음\\s*\\)?");
    private static final Pattern WRITTEN_LABEL = Pattern.compile("필기(?:시험)?\\s*(?:\\(\\s*\\d+\\s*과목\\s*\\))?\\s*:?");
    private static final Pattern SECOND_LABEL = Pattern.compile("-?\\s*(?:실기|면접)(?:시험)?\\s*:");
    /** A list number "3." — not part of a decimal, and not preceded by another digit. */
    private static final Pattern LIST_NUMBER = Pattern.compile("(?<![\\d.])(\\d{1,2})\\s*\\.(?!\\d)");

    private static final Pattern QUESTION_COUNT = Pattern.compile("\\(\\s*\\d+\\s*(?:문제|문항)\\s*\\)");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,.;·\\-]+$");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s:\\-]+");
    private static final Pattern STRAY_TRAILING_NUMBER = Pattern.compile("\\s*\\d{1,2}\\s*\\.\\s*$");
    private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\([^()]*(?:작업형|필답형|시간|참고|참조)[^()]*\\)\\s*$");
    private static final Pattern EXAM_FORM_ONLY = Pattern.compile("^(?:복합형|작업형|필답형)$");
    private static final Pattern SCOPE_WORDS = Pattern.compile("사항|내용|참조|참고|포함");

    private ExamSubjectsText() {}

    /** The subjects of each stage, and whether the qualification has a written exam at all. */
    record Subjects(List<String> written, List<String> second, boolean hasWrittenExam) {}

    /** The subjects listed in {@code section}, the 시험과목 part of a plain 취득방법 text (null when absent). */
    static Subjects parse(String section) {
        if (section == null || section.isBlank()) {
            return new Subjects(List.of(), List.of(), true);
        }
        // "※ [2021년이후 변경사항] 실기시험 과목명 변경 …": the list before it is outdated for that stage.
        String main = section;
        boolean writtenOutdated = false;
        boolean secondOutdated = false;
        int note = section.indexOf('※');
        if (note >= 0) {
            main = section.substring(0, note);
            for (String chunk : section.substring(note + 1).split("※")) {
                if ((chunk.contains("변경") || chunk.contains("개편")) && chunk.contains("과목")) {
                    int w = chunk.indexOf("필기");
                    int s = firstOf(chunk, "실기", "면접");
                    if (w >= 0 && (s < 0 || w < s)) {
                        writtenOutdated = true;
                    } else if (s >= 0) {
                        secondOutdated = true;
                    } else {
                        writtenOutdated = true;
                        secondOutdated = true;
                    }
                }
            }
        }
        if (COMBINED_SUBJECT_LABEL.matcher(main).find()) {
            return new Subjects(List.of(), List.of(), true);
        }
        Matcher noWritten = NO_WRITTEN_EXAM.matcher(main);
        if (noWritten.find()) {
            String rest = noWritten.replaceAll(" ");
            if (!WRITTEN_LABEL.matcher(rest).find()
                    && !SECOND_LABEL.matcher(rest).find()) {
                List<String> second = singleItem(rest, false);
                return new Subjects(List.of(), secondOutdated || second == null ? List.of() : second, false);
            }
            main = rest;
        }
        Matcher s = SECOND_LABEL.matcher(main);
        int secondStart = -1;
        int secondEnd = -1;
        if (s.find()) {
            secondStart = s.start();
            secondEnd = s.end();
        }
        Matcher w = WRITTEN_LABEL.matcher(main);
        boolean hasWrittenLabel = w.find() && (secondStart < 0 || w.start() < secondStart);
        if (!hasWrittenLabel && secondStart < 0) {
            // No 필기/실기 split (e.g. the scope list of a 기술사): nothing can be read reliably.
            return new Subjects(List.of(), List.of(), true);
        }
        List<String> written = List.of();
        if (hasWrittenLabel) {
            String content = main.substring(w.end(), secondStart >= 0 ? secondStart : main.length());
            List<String> parsed = writtenList(content);
            written = writtenOutdated || parsed == null ? List.of() : parsed;
        }
        List<String> second = List.of();
        if (secondStart >= 0) {
            List<String> parsed = singleItem(main.substring(secondEnd), true);
            second = secondOutdated || parsed == null ? List.of() : parsed;
        }
        // A listing with only a 실기 label means the qualification has no written exam (철근기능사 …).
        return new Subjects(written, second, hasWrittenLabel);
    }

    private static int firstOf(String text, String... needles) {
        int best = -1;
        for (String needle : needles) {
            int at = text.indexOf(needle);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    /** A numbered list "1. a 2. b", or a single unnumbered item; null when neither can be read. */
    static List<String> writtenList(String content) {
        String text = LEADING_PUNCTUATION.matcher(content).replaceFirst("").trim();
        text = TRAILING_PUNCTUATION.matcher(text).replaceFirst("");
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = LIST_NUMBER.matcher(text);
        List<int[]> markers = new ArrayList<>();
        while (m.find()) {
            markers.add(new int[] {m.start(), m.end(), Integer.parseInt(m.group(1))});
        }
        if (markers.isEmpty()) {
            return singleItem(text, false);
        }
        if (markers.get(0)[0] != 0 || markers.get(0)[2] != 1) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            int[] marker = markers.get(i);
            if (i > 0) {
                int step = marker[2] - markers.get(i - 1)[2];
                if (step != 1 && step != 0) { // 0: a repeated number ("5. a 5. b"), a typo in the source
                    return null;
                }
            }
            int end = i + 1 < markers.size() ? markers.get(i + 1)[0] : text.length();
            String item = QUESTION_COUNT.matcher(text.substring(marker[1], end)).replaceAll("");
            item = TRAILING_PUNCTUATION.matcher(item.trim()).replaceFirst("").trim();
            if (item.isEmpty()) {
                return null;
            }
            items.add(item);
        }
        return List.copyOf(items);
    }

    /**
     * One subject. A practical (second-stage) subject is always a single paper, so commas are part
     * of its name; a written one with commas is an ambiguous list.
     */
    static List<String> singleItem(String content, boolean secondStage) {
        String item = LEADING_PUNCTUATION.matcher(content).replaceFirst("").trim();
        item = STRAY_TRAILING_NUMBER.matcher(item).replaceFirst("");
        item = TRAILING_PUNCTUATION.matcher(item).replaceFirst("");
        item = TRAILING_NOTE.matcher(item).replaceFirst("");
        item = TRAILING_PUNCTUATION.matcher(item).replaceFirst("").trim();
        if (item.isEmpty() || EXAM_FORM_ONLY.matcher(item).matches() || item.contains("참조") || item.contains("참고")) {
            return null;
        }
        if (!secondStage && (hasTopLevelComma(item) || SCOPE_WORDS.matcher(item).find())) {
            return null;
        }
        return List.of(item);
    }

    private static boolean hasTopLevelComma(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
