package kr.qfeedback.reference.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.reference.PassCriterion;

/**
 * Reads the subjects and pass criteria out of a qualification's 취득방법 text (the {@code info}
 * entry of type "취득방법" in {@code stats/{jmcd}.json}).
 *
 * <p>The texts are HTML fragments typed by hand over the years, so the parser is deliberately
 * conservative: whenever a list or a criterion cannot be read without interpretation it yields an
 * empty list or null rather than a guess. In particular:
 * <ul>
 *   <li>written subjects are taken from a numbered list ({@code 1. … 2. …}) or from a single
 *       unnumbered item; unnumbered comma lists are ambiguous (for 자동차정비기능사 "자동차 엔진, 섀시,
 *       전기·전자장치 정비 및 안전관리" is one subject) and so are left empty;</li>
 *   <li>texts that list subjects without a 필기/실기 split (the scope descriptions of 기술사) or
 *       under a combined "필기 및 면접" label yield no subjects;</li>
 *   <li>a list followed by a "※ … 변경/개편" note on that stage's subjects is outdated and left
 *       empty;</li>
 *   <li>a criterion stated once without a stage ("전과목 평균 60점 이상 득점자") applies to both
 *       stages, except the written stage of a qualification that has none ("필기시험 없음").</li>
 * </ul>
 */
public final class AcquisitionTextParser {

    /** What could be read from one text; lists are empty and criteria null when not readable. */
    public record Result(
            List<String> writtenSubjects,
            List<String> secondStageSubjects,
            PassCriterion writtenCriterion,
            PassCriterion secondStageCriterion) {

        public Result {
            writtenSubjects = List.copyOf(writtenSubjects);
            secondStageSubjects = List.copyOf(secondStageSubjects);
        }

        static final Result NOTHING = new Result(List.of(), List.of(), null, null);
    }

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|$)", Pattern.DOTALL);
    private static final Pattern LEADING_CSS =
            Pattern.compile("^\\s*(?:[A-Za-z][A-Za-z0-9_\\-.#:, \\t]*\\{[^{}]*}\\s*)+");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("amp", "&"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("middot", "·"), Map.entry("bull", "•"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("rarr", "→"), Map.entry("larr", "←"), Map.entry("sdot", "⋅"), Map.entry("hellip", "…"),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("times", "×"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"));

    // --- subjects ---
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
    private static final Pattern TRAILING_NOTE =
            Pattern.compile("\\s*\\([^()]*(?:작업형|필답형|시간|참고|참조)[^()]*\\)\\s*$");
    private static final Pattern EXAM_FORM_ONLY = Pattern.compile("^(?:복합형|작업형|필답형)$");
    private static final Pattern SCOPE_WORDS = Pattern.compile("사항|내용|참조|참고|포함");

    // --- criteria (matched on text with all whitespace removed) ---
    private static final Pattern SAME_FOR_BOTH =
            Pattern.compile("\\(\\s*(필기\\s*[·ㆍ]\\s*(?:실기|면접))\\s*동일\\s*\\)");
    private static final Pattern PARENTHESISED = Pattern.compile("\\([^()]*\\)");
    private static final Pattern CRITERION_LABEL = Pattern.compile(
            "(필기(?:시험)?(?:·|ㆍ|및|,|\\.)(?:실기|면접)(?:시험)?|필실기|필기(?:시험)?|실기(?:시험)?|면접(?:시험)?)(?::|(?=\\d))");
    private static final Pattern FULL_MARKS = Pattern.compile("100점(?:을|를|으로|으)?(?:만점|만접)(?:으로|에)?(?:하여)?");
    private static final Pattern AT_LEAST = Pattern.compile("(\\d+)점이상");

    private AcquisitionTextParser() {
    }

    /**
     * The text as plain text: HTML comments, the leading CSS rules ("BODY {…}P {…}") and tags
     * removed, entities (&amp;#9312; &amp;lt; &amp;middot; …) decoded, whitespace collapsed.
     */
    public static String clean(String html) {
        if (html == null) {
            return "";
        }
        String text = COMMENT.matcher(html).replaceAll(" ");
        text = LEADING_CSS.matcher(text).replaceFirst("");
        text = TAG.matcher(text).replaceAll(" ");
        text = decodeEntities(text);
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }

    static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(name.substring(2), 16), m.group());
            } else if (name.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(name.substring(1)), m.group());
            } else {
                replacement = NAMED_ENTITIES.getOrDefault(name, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : original;
    }

    /** Parses a raw 취득방법 text (HTML as delivered by the API). */
    public static Result parse(String html) {
        String text = clean(html);
        if (text.isEmpty()) {
            return Result.NOTHING;
        }
        Subjects subjects = parseSubjects(section(text, "시험과목", "검정방법", "합격기준", "응시자격"));
        Criteria criteria = parseCriteria(criteriaSection(text), subjects.hasWrittenExam());
        return new Result(subjects.written(), subjects.second(), criteria.written(), criteria.second());
    }

    /**
     * The 합격기준 part of a plain 취득방법 text (see {@link #clean}), e.g. "- 필기 : 100점을 만점으로 하여
     * 과목당 40점 이상, 전과목 평균 60점 이상 - 실기 : 100점을 만점으로 하여 60점 이상"; null when the
     * text has no 합격기준 heading.
     */
    public static String criteriaSection(String text) {
        return section(text, "합격기준", "작업형 실기시험", "작업형실기시험", "안전등급", "※", "응시자격", "* 세부");
    }

    /**
     * The text after {@code heading} up to the next circled section number (②, ③, …) or any of the
     * end markers; null when the heading is absent.
     */
    static String section(String text, String heading, String... endMarkers) {
        int start = text.indexOf(heading);
        if (start < 0) {
            return null;
        }
        int from = start + heading.length();
        int end = text.length();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2460' && c <= '\u2473') {
                end = i;
                break;
            }
        }
        for (String marker : endMarkers) {
            int at = text.indexOf(marker, from);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return text.substring(from, end).trim();
    }

    // ------------------------------------------------------------------------------------ subjects

    private record Subjects(List<String> written, List<String> second, boolean hasWrittenExam) {
    }

    private static Subjects parseSubjects(String section) {
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
            if (!WRITTEN_LABEL.matcher(rest).find() && !SECOND_LABEL.matcher(rest).find()) {
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
        if (item.isEmpty() || EXAM_FORM_ONLY.matcher(item).matches() || item.contains("참조")
                || item.contains("참고")) {
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

    // ------------------------------------------------------------------------------------ criteria

    private record Criteria(PassCriterion written, PassCriterion second) {
        static final Criteria NONE = new Criteria(null, null);
    }

    private static Criteria parseCriteria(String section, boolean hasWrittenExam) {
        if (section == null || section.isBlank()) {
            return Criteria.NONE;
        }
        String text = SAME_FOR_BOTH.matcher(section).replaceAll("$1:");
        String previous;
        do {
            previous = text;
            text = PARENTHESISED.matcher(text).replaceAll("");
        } while (!text.equals(previous));
        text = WHITESPACE.matcher(text).replaceAll("");
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
            boolean both = name.equals("필실기")
                    || (name.contains("필기") && (name.contains("실기") || name.contains("면접")));
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
            boolean firstIsPerSubject = perSubject(text, first[0])
                    || between.replace(",", "").startsWith("전과목");
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
