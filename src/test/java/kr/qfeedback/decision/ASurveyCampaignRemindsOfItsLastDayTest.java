package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rules keep the satisfaction survey off, so no scenario ever sees its reminder. Here a
 * copy of them runs a survey campaign ending 2026-03-25 (parameters.yaml: "만족도 조사 진행",
 * "만족도 조사 마감일"), and 정보처리기사 written passes are decided through the real decider: the
 * page offers the survey and reminds of its last day up to that day, and neither after it.
 */
class ASurveyCampaignRemindsOfItsLastDayTest {
    private static final LocalDate SURVEY_END = LocalDate.parse("2026-03-25");
    private static final String SURVEY_TEXT = "Q-Net 결과 안내 만족도 조사 마감(2026.03.25)";

    @TempDir
    static Path folder;

    private static RuleSet campaign;

    @BeforeAll
    static void runASurveyCampaign() {
        ShippedRules.copyInto(folder);
        Path parameters = folder.resolve("parameters.yaml");
        ShippedRules.replace(parameters, "만족도 조사 진행: 아니오", "만족도 조사 진행: 예");
        ShippedRules.replace(parameters, "만족도 조사 마감일: 없음", "만족도 조사 마감일: " + SURVEY_END);
        campaign = ShippedRules.compile(folder);
    }

    private static FeedbackDecision writtenPass(RuleSet rules, String asOf, DocumentStatus documents) {
        FeedbackRequest request = new FeedbackRequest(
                "T-1",
                LocalDate.parse(asOf),
                new QualificationRef("1320", null, Grade.ENGINEER),
                new ExamSitting(
                        "2026-1",
                        Stage.WRITTEN,
                        LocalDate.parse("2026-01-30"),
                        LocalDate.parse("2026-03-11"),
                        ExamResult.PASS,
                        70.0,
                        List.of()),
                new CandidateInfo(LocalDate.parse("1999-05-02"), null, documents, null, List.of()));
        return new FeedbackDecider().decide(request, rules);
    }

    private static boolean showsSurvey(FeedbackDecision d) {
        return d.sections().stream().anyMatch(s -> s.id() == SectionId.SURVEY);
    }

    private static List<String> kindsAndDates(FeedbackDecision d) {
        return d.reminders().stream().map(r -> r.kind() + " " + r.date()).toList();
    }

    private static List<Reminder> surveyReminders(FeedbackDecision d) {
        return d.reminders().stream()
                .filter(r -> r.kind() == ReminderKind.SURVEY_ENDS)
                .toList();
    }

    @Test
    void aPageShowingTheSurveyIsRemindedOfItsLastDayInDateOrderWithTheMessagesText() {
        FeedbackDecision d = writtenPass(campaign, "2026-03-11", DocumentStatus.NOT_SUBMITTED);

        assertEquals("WRITTEN_PASS", d.outcome().code());
        assertTrue(showsSurvey(d), "the campaign shows the survey section: " + d.sections());
        assertEquals(
                List.of(
                        "DOCUMENTS_DUE 2026-03-20",
                        "REGISTRATION_OPENS 2026-03-23",
                        "SURVEY_ENDS 2026-03-25",
                        "REGISTRATION_CLOSES 2026-03-26",
                        "EXAM_DAY 2026-04-18",
                        "EXEMPTION_ENDS 2028-03-10"),
                kindsAndDates(d));
        Reminder survey = surveyReminders(d).get(0);
        assertEquals(SURVEY_TEXT, survey.text());
        assertEquals(1, survey.alertDaysBefore(), "WRITTEN_PASS: { …, 설문 마감: 1 }");
        assertEquals("", survey.qualificationCode(), "the survey belongs to no qualification");
        assertTrue(
                d.notifications().lms().contains("- " + SURVEY_TEXT + "\n- 정보처리기사 제1회 실기시험 원서접수 마감"),
                d.notifications().lms());
    }

    @Test
    void theSurveysLastDayItselfIsStillRemindedOf() {
        FeedbackDecision d = writtenPass(campaign, SURVEY_END.toString(), DocumentStatus.SUBMITTED);

        assertEquals(
                List.of(
                        "SURVEY_ENDS 2026-03-25",
                        "REGISTRATION_CLOSES 2026-03-26",
                        "EXAM_DAY 2026-04-18",
                        "EXEMPTION_ENDS 2028-03-10"),
                kindsAndDates(d));
    }

    @Test
    void afterTheSurveysLastDayThePageNoLongerShowsTheSurveyNorRemindsOfIt() {
        FeedbackDecision d = writtenPass(campaign, SURVEY_END.plusDays(1).toString(), DocumentStatus.SUBMITTED);

        assertTrue(!showsSurvey(d), "an ended survey is not offered, whatever the switch says: " + d.sections());
        assertEquals(List.of(), surveyReminders(d));
        assertEquals(
                List.of("REGISTRATION_CLOSES 2026-03-26", "EXAM_DAY 2026-04-18", "EXEMPTION_ENDS 2028-03-10"),
                kindsAndDates(d));
        assertTrue(
                !d.notifications().lms().contains("만족도 조사"), d.notifications().lms());
    }

    @Test
    void oneRuleSetAnswersEachDayOnItsOwnSideOfTheSurveysLastDay() {
        // The rules' outcomes are memoised per profile: the day must be part of what they remember.
        for (String asOf : List.of("2026-03-25", "2026-03-26", "2026-03-24", "2026-04-30", "2026-03-25")) {
            boolean open = !LocalDate.parse(asOf).isAfter(SURVEY_END);
            FeedbackDecision d = writtenPass(campaign, asOf, DocumentStatus.SUBMITTED);
            assertEquals(open, showsSurvey(d), asOf + ": " + d.sections());
            assertEquals(open ? 1 : 0, surveyReminders(d).size(), asOf + ": " + d.reminders());
        }
    }

    @Test
    void aCampaignWithALastDayLeavesNoGapAndNoDeadRowInTheCoverage() {
        kr.qfeedback.analysis.CoverageReport report = new kr.qfeedback.analysis.CoverageAnalyzer().analyze(campaign);

        assertEquals(List.of(), report.gaps());
        assertEquals(List.of(), report.deadRows());
        assertEquals(List.of(), report.conflicts());
        assertEquals(List.of(), report.switchedOffRows(), "the survey switch is on");
    }

    @Test
    void theShippedRulesWithTheSurveyOffRemindOfNoSurvey() {
        FeedbackDecision d = writtenPass(ShippedRules.compiled(), "2026-03-11", DocumentStatus.NOT_SUBMITTED);

        assertTrue(!showsSurvey(d), d.sections()::toString);
        assertEquals(List.of(), surveyReminders(d));
    }
}
