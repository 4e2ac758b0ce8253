package kr.qfeedback.reference.importer;

import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.PassCriterion;

/**
 * The pass criteria of 국가기술자격법 시행령 20조 by grade and stage (docs/domain.md, "Pass
 * criteria"): the yardstick against which the import report sets each qualification's own 합격기준
 * text. The service itself takes its defaults from parameters.yaml (합격기준 기본값), which states
 * the same rule.
 */
final class StatutoryPassCriteria {

    /** Written, 기사 / 산업기사 / service: every subject at least 40 and the average at least 60. */
    static final PassCriterion WRITTEN_BY_SUBJECT = new PassCriterion(40, 60);
    /** Written, 기술사 / 기능장 / 기능사: at least 60 of 100, no per-subject cut-off. */
    static final PassCriterion WRITTEN_WHOLE_PAPER = new PassCriterion(null, 60);
    /** 실기 and 면접, every grade: at least 60 of 100. */
    static final PassCriterion SECOND_STAGE = new PassCriterion(null, 60);

    private StatutoryPassCriteria() {}

    static PassCriterion written(Grade grade) {
        return switch (grade) {
            case ENGINEER, INDUSTRIAL_ENGINEER, SERVICE -> WRITTEN_BY_SUBJECT;
            case PROFESSIONAL_ENGINEER, MASTER_CRAFTSMAN, CRAFTSMAN -> WRITTEN_WHOLE_PAPER;
        };
    }

    static PassCriterion secondStage(Grade grade) {
        return SECOND_STAGE;
    }
}
