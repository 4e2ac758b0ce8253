package kr.qfeedback.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyCheckTest {

    private static FeedbackRequest request(
            Grade grade,
            Stage stage,
            ExamResult result,
            Double score,
            String examDate,
            String announcedOn,
            CandidateInfo candidate) {
        return new FeedbackRequest(
                "T",
                LocalDate.parse("2026-06-01"),
                new QualificationRef("1320", null, grade),
                new ExamSitting(
                        "r", stage, LocalDate.parse(examDate), LocalDate.parse(announcedOn), result, score, List.of()),
                candidate);
    }

    private static String fieldOf(FeedbackRequest request, Grade known) {
        return ConsistencyCheck.check(request, known).map(Inconsistency::field).orElse(null);
    }

    @Test
    void aResultAnnouncedBeforeItsExamIsInconsistent() {
        assertEquals(
                "exam.announcedOn",
                fieldOf(
                        request(
                                Grade.ENGINEER,
                                Stage.WRITTEN,
                                ExamResult.PASS,
                                70.0,
                                "2026-03-11",
                                "2026-01-30",
                                CandidateInfo.UNKNOWN),
                        null));
    }

    @Test
    void aProfessionalEngineerHasAnInterviewNotAPractical() {
        assertEquals(
                "exam.stage",
                fieldOf(
                        request(
                                Grade.PROFESSIONAL_ENGINEER,
                                Stage.PRACTICAL,
                                ExamResult.PASS,
                                70.0,
                                "2026-05-02",
                                "2026-05-29",
                                CandidateInfo.UNKNOWN),
                        null));
        assertEquals(
                "exam.stage",
                fieldOf(
                        request(
                                Grade.ENGINEER,
                                Stage.INTERVIEW,
                                ExamResult.PASS,
                                70.0,
                                "2026-05-02",
                                "2026-05-29",
                                CandidateInfo.UNKNOWN),
                        null));
    }

    @Test
    void anAbsenceWithAScoreIsInconsistent() {
        assertEquals(
                "exam.totalScore",
                fieldOf(
                        request(
                                Grade.CRAFTSMAN,
                                Stage.WRITTEN,
                                ExamResult.ABSENT,
                                10.0,
                                "2026-01-20",
                                "2026-01-30",
                                CandidateInfo.UNKNOWN),
                        null));
    }

    @Test
    void aGradeOtherThanTheReferenceGradeOfTheCodeIsInconsistent() {
        assertEquals(
                "qualification.grade",
                fieldOf(
                        request(
                                Grade.INDUSTRIAL_ENGINEER,
                                Stage.WRITTEN,
                                ExamResult.PASS,
                                70.0,
                                "2026-01-30",
                                "2026-03-11",
                                CandidateInfo.UNKNOWN),
                        Grade.ENGINEER));
    }

    @Test
    void aWrittenPassAnnouncedAfterThePracticalExamIsInconsistent() {
        CandidateInfo late = new CandidateInfo(null, LocalDate.parse("2026-05-01"), null, null, List.of());
        assertEquals(
                "candidate.writtenPassAnnouncedOn",
                fieldOf(
                        request(
                                Grade.ENGINEER,
                                Stage.PRACTICAL,
                                ExamResult.FAIL,
                                50.0,
                                "2026-04-18",
                                "2026-06-05",
                                late),
                        Grade.ENGINEER));
    }

    @Test
    void aWellFormedConsistentRequestPasses() {
        assertTrue(ConsistencyCheck.check(
                        request(
                                Grade.ENGINEER,
                                Stage.WRITTEN,
                                ExamResult.PASS,
                                70.0,
                                "2026-01-30",
                                "2026-03-11",
                                CandidateInfo.UNKNOWN),
                        Grade.ENGINEER)
                .isEmpty());
    }
}
