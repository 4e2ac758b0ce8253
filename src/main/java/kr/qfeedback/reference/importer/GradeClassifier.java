package kr.qfeedback.reference.importer;

import kr.qfeedback.feedback.Grade;

/**
 * Derives the grade of a qualification from the API's {@code qual_type}, {@code series} and name.
 * The API files 산업기사 and the service grades (사회조사분석사1급, 직업상담사2급, 컨벤션기획사1급, …)
 * under the series 기사, so within that series the name decides.
 */
public final class GradeClassifier {

    private GradeClassifier() {}

    /** The grade, or null for anything that is not a national technical qualification (qual_type "T"). */
    public static Grade classify(String qualType, String series, String name) {
        if (!"T".equals(qualType) || series == null) {
            return null;
        }
        return switch (series.trim()) {
            case "기술사" -> Grade.PROFESSIONAL_ENGINEER;
            case "기능장" -> Grade.MASTER_CRAFTSMAN;
            case "기능사" -> Grade.CRAFTSMAN;
            case "기사" -> engineerSeries(name == null ? "" : name);
            default -> null;
        };
    }

    private static Grade engineerSeries(String name) {
        if (name.contains("산업기사")) {
            return Grade.INDUSTRIAL_ENGINEER;
        }
        if (name.contains("기사")) {
            return Grade.ENGINEER;
        }
        return Grade.SERVICE;
    }

    /**
     * The name of the series-level schedule ({@code schedules.json}) that rounds of this grade follow,
     * or null when there is none (grade null).
     */
    public static String scheduleSeries(Grade grade) {
        if (grade == null) {
            return null;
        }
        return switch (grade) {
            case ENGINEER, INDUSTRIAL_ENGINEER, SERVICE -> "기사/산업기사";
            case PROFESSIONAL_ENGINEER -> "기술사";
            case MASTER_CRAFTSMAN -> "기능장";
            case CRAFTSMAN -> "기능사";
        };
    }
}
