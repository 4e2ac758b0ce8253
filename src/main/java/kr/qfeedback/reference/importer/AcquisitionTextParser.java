package kr.qfeedback.reference.importer;

import java.util.List;
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

    private AcquisitionTextParser() {}

    /**
     * The text as plain text: HTML comments, the leading CSS rules ("BODY {…}P {…}") and tags
     * removed, entities (&amp;#9312; &amp;lt; &amp;middot; …) decoded, whitespace collapsed.
     */
    public static String clean(String html) {
        return HtmlText.plain(html);
    }

    /** Parses a raw 취득방법 text (HTML as delivered by the API). */
    public static Result parse(String html) {
        String text = clean(html);
        if (text.isEmpty()) {
            return Result.NOTHING;
        }
        ExamSubjectsText.Subjects subjects = ExamSubjectsText.parse(section(text, "시험과목", "검정방법", "합격기준", "응시자격"));
        PassCriteriaText.Criteria criteria = PassCriteriaText.parse(criteriaSection(text), subjects.hasWrittenExam());
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
}
