package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;
import org.junit.jupiter.api.Test;

class CodeTermsTest {

    @Test
    void everyStageResultAndGradeReadsAsTheCataloguesTermOrItsCode() {
        MessageCatalogue catalogue = new MessageCatalogue(
                Map.of(),
                Map.of(),
                Map.of(
                        MessageCatalogue.STAGE_TERMS, Map.of("WRITTEN", "필기", "PRACTICAL", "실기"),
                        MessageCatalogue.RESULT_TERMS, Map.of("PASS", "합격", "FAIL", "불합격"),
                        MessageCatalogue.GRADE_TERMS, Map.of("CRAFTSMAN", "기능사")),
                Map.of(),
                "sms",
                "lms");
        CodeTerms terms = new CodeTerms(catalogue);
        for (Stage stage : Stage.values()) {
            assertEquals(catalogue.term(MessageCatalogue.STAGE_TERMS, stage.name()), terms.stage(stage));
        }
        for (ExamResult result : ExamResult.values()) {
            assertEquals(catalogue.term(MessageCatalogue.RESULT_TERMS, result.name()), terms.result(result));
        }
        for (Grade grade : Grade.values()) {
            assertEquals(catalogue.term(MessageCatalogue.GRADE_TERMS, grade.name()), terms.grade(grade));
        }
        assertEquals("실기", terms.stage(Stage.PRACTICAL));
        assertEquals("ABSENT", terms.result(ExamResult.ABSENT), "a code staff did not name reads as itself");
        assertNull(terms.stage(null));
    }
}
