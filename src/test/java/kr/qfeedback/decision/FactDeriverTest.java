package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.rules.Parameters;
import kr.qfeedback.rules.ParametersReader;
import kr.qfeedback.rules.RuleProblem;
import kr.qfeedback.rules.model.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fact derivation against the committed reference data and the shipped parameters. */
class FactDeriverTest {
    private static FactDeriver deriver;

    @BeforeAll
    static void loadShippedData() throws IOException {
        List<RuleProblem> problems = new ArrayList<>();
        Parameters parameters = ParametersReader.read(
                        "rules/parameters.yaml", Files.readAllBytes(Path.of("rules", "parameters.yaml")), problems)
                .orElseThrow();
        deriver = new FactDeriver(ReferenceCatalogue.load(Path.of("rules", "reference")), parameters);
    }

    private static FeedbackRequest request(
            String code,
            Grade grade,
            Stage stage,
            ExamResult result,
            Double total,
            String asOf,
            CandidateInfo candidate,
            SubjectScore... subjects) {
        return new FeedbackRequest(
                "T-1",
                LocalDate.parse(asOf),
                new QualificationRef(code, null, grade),
                new ExamSitting(
                        "2026-1",
                        stage,
                        LocalDate.parse("2026-01-30"),
                        LocalDate.parse("2026-03-11"),
                        result,
                        total,
                        List.of(subjects)),
                candidate);
    }

    @Test
    void aWrittenPassStartsTheExemptionOnItsOwnAnnouncementAndFindsTheDocumentDeadlineOfItsRound() {
        DerivedFacts facts = deriver.derive(request(
                "1320",
                Grade.ENGINEER,
                Stage.WRITTEN,
                ExamResult.PASS,
                71.5,
                "2026-03-11",
                new CandidateInfo(LocalDate.parse("1999-05-02"), null, DocumentStatus.NOT_SUBMITTED, 1, List.of()),
                new SubjectScore("소프트웨어설계", 80),
                new SubjectScore("소프트웨어개발", 63)));
        assertEquals(LocalDate.parse("2026-03-11"), facts.exemption().validFrom());
        assertEquals(LocalDate.parse("2028-03-10"), facts.exemption().validUntil());
        assertEquals(730, facts.exemption().daysRemaining());
        assertEquals(LocalDate.parse("2026-03-20"), facts.documentDeadline());
        assertEquals(26, facts.age());
        assertEquals(Stage.PRACTICAL, facts.nextStage());
        assertEquals(LocalDate.parse("2026-03-23"), facts.nextStageRound().registrationStart());
        assertEquals("정보처리기사", facts.qualificationName());
    }

    @Test
    void theCriterionComesFromTheQualificationsOwnAcquisitionText() {
        DerivedFacts facts = deriver.derive(request(
                "1320",
                Grade.ENGINEER,
                Stage.WRITTEN,
                ExamResult.FAIL,
                58.0,
                "2026-03-11",
                CandidateInfo.UNKNOWN,
                new SubjectScore("A", 80),
                new SubjectScore("B", 36)));
        assertEquals(40, facts.scores().criterion().subjectMinimum());
        assertEquals(60, facts.scores().criterion().averageMinimum());
        assertEquals(List.of("B"), facts.scores().subjectsBelowMinimum());
        Profile profile = facts.profile();
        assertTrue(profile.belowSubjectMinimum());
        assertEquals(36.0, profile.lowestSubjectScore());
        assertTrue(profile.stageStatisticsKnown());
        assertEquals("UNKNOWN", profile.documents());
    }

    @Test
    void anUnknownCodeFallsBackToTheGradeDefaultsAndKnowsNoStatisticsOrSchedule() {
        DerivedFacts facts = deriver.derive(request(
                "9999",
                Grade.INDUSTRIAL_ENGINEER,
                Stage.WRITTEN,
                ExamResult.FAIL,
                50.0,
                "2026-03-11",
                CandidateInfo.UNKNOWN));
        assertNull(facts.qualification());
        assertEquals("9999", facts.qualificationName());
        assertEquals(40, facts.scores().criterion().subjectMinimum());
        Profile profile = facts.profile();
        assertFalse(profile.qualificationKnown());
        assertFalse(profile.stageStatisticsKnown());
        assertFalse(profile.sameStageScheduleKnown());
    }

    @Test
    void theYouthAgeIsCountedByBirthYearAsOnTheFirstOfJanuaryNotOnTheDayOfTheDecision() {
        // The programme's cut-off is a date of birth for the year: 2026 = born on or after 1991-01-01.
        CandidateInfo bornJanuaryFirst = new CandidateInfo(LocalDate.parse("1991-01-01"), null, null, null, List.of());
        CandidateInfo bornDecember = new CandidateInfo(LocalDate.parse("1990-12-31"), null, null, null, List.of());
        assertEquals(
                34,
                deriver.derive(request(
                                "1320",
                                Grade.ENGINEER,
                                Stage.WRITTEN,
                                ExamResult.FAIL,
                                50.0,
                                "2026-12-31",
                                bornJanuaryFirst))
                        .age(),
                "35 on its birthday in 2026, yet within the 2026 cut-off");
        assertEquals(
                35,
                deriver.derive(request(
                                "1320",
                                Grade.ENGINEER,
                                Stage.WRITTEN,
                                ExamResult.FAIL,
                                50.0,
                                "2026-01-02",
                                bornDecember))
                        .age());
        CandidateInfo born1990 = new CandidateInfo(LocalDate.parse("1990-01-01"), null, null, null, List.of());
        assertEquals(
                34,
                deriver.derive(request(
                                "1320", Grade.ENGINEER, Stage.WRITTEN, ExamResult.FAIL, 50.0, "2025-06-01", born1990))
                        .age(),
                "2025: born on or after 1990-01-01");
    }

    @Test
    void aPracticalFailUsesTheCandidatesWrittenPassDateForTheWindow() {
        CandidateInfo candidate =
                new CandidateInfo(null, LocalDate.parse("2024-06-12"), DocumentStatus.SUBMITTED, 3, List.of());
        DerivedFacts facts = deriver.derive(
                request("1320", Grade.ENGINEER, Stage.PRACTICAL, ExamResult.FAIL, 48.0, "2026-06-05", candidate));
        assertEquals(LocalDate.parse("2026-06-11"), facts.exemption().validUntil());
        assertEquals(6, facts.exemption().daysRemaining());
        assertEquals(Integer.valueOf(6), facts.profile().exemptionDaysRemaining());
        assertNull(facts.nextStage());
    }
}
