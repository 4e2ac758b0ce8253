package kr.qfeedback.rules;

import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;

/**
 * The terms of a {@link MessageCatalogue} for the codes nearly every decision names (its stage,
 * result and grade), looked up once per rule set and kept by the code's ordinal: the same strings
 * {@link MessageCatalogue#term} gives, without two map look-ups per value.
 */
public final class CodeTerms {
    private final String[] stages;
    private final String[] results;
    private final String[] grades;

    CodeTerms(MessageCatalogue catalogue) {
        stages = terms(catalogue, MessageCatalogue.STAGE_TERMS, Stage.values());
        results = terms(catalogue, MessageCatalogue.RESULT_TERMS, ExamResult.values());
        grades = terms(catalogue, MessageCatalogue.GRADE_TERMS, Grade.values());
    }

    private static String[] terms(MessageCatalogue catalogue, String group, Enum<?>[] codes) {
        String[] terms = new String[codes.length];
        for (Enum<?> code : codes) {
            terms[code.ordinal()] = catalogue.term(group, code.name());
        }
        return terms;
    }

    /** {@code term(STAGE_TERMS, stage.name())}; null for null. */
    public String stage(Stage stage) {
        return stage == null ? null : stages[stage.ordinal()];
    }

    /** {@code term(RESULT_TERMS, result.name())}. */
    public String result(ExamResult result) {
        return results[result.ordinal()];
    }

    /** {@code term(GRADE_TERMS, grade.name())}. */
    public String grade(Grade grade) {
        return grades[grade.ordinal()];
    }
}
