package kr.qfeedback.reference.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.PassCriterion;

/**
 * How the import report words its cells in Korean: criteria, grades, stages, date fields, quoted
 * texts, and text made safe inside a Markdown table.
 */
final class ImportReportWords {

    /** How much of a 합격기준 text is quoted. */
    private static final int QUOTE_LIMIT = 160;

    private static final Map<String, String> FIELD_NAMES = new LinkedHashMap<>();

    static {
        FIELD_NAMES.put("writtenRegistrationStart", "필기 원서접수 시작일");
        FIELD_NAMES.put("writtenRegistrationEnd", "필기 원서접수 마감일");
        FIELD_NAMES.put("writtenExamDate", "필기 시험일");
        FIELD_NAMES.put("writtenPassDate", "필기 합격 발표일");
        FIELD_NAMES.put("practicalRegistrationStart", "실기·면접 원서접수 시작일");
        FIELD_NAMES.put("practicalRegistrationEnd", "실기·면접 원서접수 마감일");
        FIELD_NAMES.put("practicalExamStart", "실기·면접 시험 시작일");
        FIELD_NAMES.put("practicalExamEnd", "실기·면접 시험 종료일");
        FIELD_NAMES.put("practicalPassDate", "최종 합격 발표일");
        FIELD_NAMES.put("documentSubmissionStart", "응시자격 서류 제출 시작일");
        FIELD_NAMES.put("documentSubmissionEnd", "응시자격 서류 제출 마감일");
    }

    private ImportReportWords() {}

    static String criterion(PassCriterion c) {
        if (c == null) {
            return "-";
        }
        if (c.subjectMinimum() == null) {
            return "100점 만점에 " + c.averageMinimum() + "점 이상 (과목별 과락 없음)";
        }
        if (c.subjectMinimum() == c.averageMinimum()) {
            return "과목당 " + c.subjectMinimum() + "점 이상";
        }
        return "과목당 " + c.subjectMinimum() + "점 이상, 전과목 평균 " + c.averageMinimum() + "점 이상";
    }

    static String grade(Grade grade) {
        if (grade == null) {
            return "-";
        }
        return switch (grade) {
            case PROFESSIONAL_ENGINEER -> "기술사";
            case MASTER_CRAFTSMAN -> "기능장";
            case ENGINEER -> "기사";
            case INDUSTRIAL_ENGINEER -> "산업기사";
            case CRAFTSMAN -> "기능사";
            case SERVICE -> "서비스 분야";
        };
    }

    static String secondStage(Grade grade) {
        if (grade == null) {
            return "2차";
        }
        return grade == Grade.PROFESSIONAL_ENGINEER ? "면접" : "실기";
    }

    static String fieldName(String field) {
        return FIELD_NAMES.getOrDefault(field, field) + " (`" + field + "`)";
    }

    static String quote(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("\\s+", " ").trim();
        return t.length() <= QUOTE_LIMIT ? t : t.substring(0, QUOTE_LIMIT).trim() + " …";
    }

    /** Text safe inside a Markdown table cell. */
    static String cell(String text) {
        return text == null
                ? ""
                : text.replace("|", "\\|").replaceAll("\\s+", " ").trim();
    }
}
