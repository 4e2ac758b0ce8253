package kr.qfeedback.decision.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.feedback.Tone;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.YearlyPassRate;
import org.junit.jupiter.api.Test;

/** The lint's own patterns: what it flags and, as much, what it leaves alone. */
class PageLintTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 21);
    private static final Qualification WITH_A_YEAR_NOBODY_SAT = new Qualification(
            "1030",
            "철도차량기사",
            Grade.ENGINEER,
            "기사",
            "기계",
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            List.of(new YearlyPassRate(2024, 0, 0, null), new YearlyPassRate(2025, 65, 23, 35.4)),
            List.of(),
            List.of(),
            List.of(),
            null);
    private final PageLint lint =
            new PageLint(code -> code.equals("1030") ? Optional.of(WITH_A_YEAR_NOBODY_SAT) : Optional.empty());

    @Test
    void aDashStandingForAValueIsFlaggedWhereverItSits() {
        for (String body : List.of(
                "-까지 응시자격 서류를 제출해야 합니다.",
                "평균(-점)과 관계없이 불합격입니다.",
                "합격률 -%입니다.",
                "응시자 -명",
                "남은 기간은 -일입니다.",
                "회차는 -회입니다.",
                "필기 - 실기",
                "2026.03.20~-",
                "직무분야(-)의 자격")) {
            assertEquals(List.of(PageLint.Rule.DASH_FOR_VALUE), rules(engineerFail(), body), body);
        }
    }

    @Test
    void datesRangesNamesAndNegativeNumbersAreNotDashes() {
        for (String body : List.of(
                "원서접수는 2026.03.23부터 2026.03.26까지이고, 시험은 2026.04.18부터입니다.",
                "필기시험 면제 기간(2024.02.29~2026.02.28)이 지났습니다.",
                "원서접수(Q-Net)",
                "e-러닝 과정",
                "상담 1644-8000",
                "남은 기간은 -5일입니다.",
                "2026.03.20~2026.03.26")) {
            assertEquals(List.of(), rules(engineerFail(), body), body);
        }
    }

    @Test
    void anUnfilledPlaceholderIsFlaggedInTextAndData() {
        assertEquals(List.of(PageLint.Rule.UNFILLED_PLACEHOLDER), rules(engineerFail(), "점수는 {totalScore}점입니다."));
        FeedbackDecision page =
                page(engineerFail(), section(SectionId.SCORE_BREAKDOWN, "과목별 점수", data("average", "{average}")));
        assertEquals(List.of(PageLint.Rule.UNFILLED_PLACEHOLDER), rules(engineerFail(), page));
    }

    @Test
    void aDeadlineBeforeAsOfToldAsStillToMeetIsFlagged() {
        assertEquals(
                List.of(PageLint.Rule.PAST_DATE_IN_FUTURE_TENSE),
                rules(engineerFail(), "기사 실기시험에 접수하려면 2026.03.20까지 응시자격 서류를 제출해야 합니다."));
        assertEquals(List.of(PageLint.Rule.PAST_DATE_IN_FUTURE_TENSE), rules(engineerFail(), "2026.03.20까지 접수하세요."));
    }

    @Test
    void aDeadlineOnOrAfterAsOfOrToldInThePastIsNotFlagged() {
        assertEquals(List.of(), rules(engineerFail(), "2026.03.21까지 응시자격 서류를 제출해야 합니다."));
        assertEquals(List.of(), rules(engineerFail(), "서류 제출은 2026.03.20까지였습니다. 필기 합격이 무효가 되었습니다."));
        assertEquals(List.of(), rules(engineerFail(), "원서접수는 2026.03.19부터 2026.03.26까지이고, 시험은 2026.04.18부터입니다."));
    }

    @Test
    void practicalAndHigherGradeAreFlaggedOnlyOnAProfessionalEngineerPage() {
        FeedbackRequest interview =
                request(Grade.PROFESSIONAL_ENGINEER, Stage.WRITTEN, ExamResult.PASS, 70.0, List.of(), null);
        assertEquals(
                List.of(PageLint.Rule.PRACTICAL_ON_PROFESSIONAL_ENGINEER_PAGE), rules(interview, "실기 전에 보완하면 좋은 과목"));
        assertEquals(
                List.of(PageLint.Rule.HIGHER_GRADE_ON_TOP_GRADE), rules(interview, "같은 직무분야(재료)의 상위 등급 자격을 확인해 보세요."));
        assertEquals(
                List.of(PageLint.Rule.PRACTICAL_ON_PROFESSIONAL_ENGINEER_PAGE),
                rules(
                        interview,
                        page(
                                interview,
                                section(SectionId.NEXT_EXAM_SCHEDULE, "다음 면접시험 일정", data("stage", "PRACTICAL")))));
        assertEquals(List.of(), rules(engineerFail(), "실기 전에 보완하면 좋은 과목. 상위 등급 자격을 확인해 보세요."));
    }

    @Test
    void roundsAreCountedWithHoeAndNamedAsQnetNamesThem() {
        assertEquals(List.of(PageLint.Rule.BEON_AS_ROUND_COUNTER), rules(engineerFail(), "응시할 수 있는 실기 회차는 2번입니다."));
        assertEquals(List.of(PageLint.Rule.ROUND_CODE_SHOWN), rules(engineerFail(), "2026-1 기사 필기시험 결과 합격입니다."));
        assertEquals(List.of(), rules(engineerFail(), "제1회 기사 필기시험. 응시할 수 있는 실기 회차는 2회입니다. 발표일 2026-03-11"));
    }

    @Test
    void aFailClaimingAShortfallItsScoresDoNotHaveIsFlagged() {
        FeedbackRequest meets = request(
                Grade.ENGINEER,
                Stage.WRITTEN,
                ExamResult.FAIL,
                62.5,
                List.of(new SubjectScore("A", 45), new SubjectScore("B", 80)),
                null);
        assertEquals(
                List.of(PageLint.Rule.RESULT_CONTRADICTED_BY_SCORES), rules(meets, "점수는 62.5점으로 합격기준에 미치지 못했습니다."));
        FeedbackRequest cut = request(
                Grade.ENGINEER,
                Stage.WRITTEN,
                ExamResult.FAIL,
                62.5,
                List.of(new SubjectScore("A", 39.9), new SubjectScore("B", 85.1)),
                null);
        assertEquals(List.of(), rules(cut, "과락 과목이 있어 합격기준에 미치지 못했습니다."));
        assertEquals(
                List.of(), rules(meets, "출제기준과 NCS 학습모듈로 부족한 부분을 채워 보세요."), "learning advice is no shortfall claim");
        FeedbackRequest craftsman = request(
                Grade.CRAFTSMAN,
                Stage.WRITTEN,
                ExamResult.FAIL,
                58.0,
                List.of(new SubjectScore("A", 64), new SubjectScore("B", 64)),
                null);
        assertEquals(
                List.of(PageLint.Rule.RESULT_CONTRADICTED_BY_SCORES),
                rules(craftsman, "점수(64점)는 합격기준(평균 60점 이상)을 충족했습니다."),
                "기능사 is judged on the whole paper");
        FeedbackRequest practical = request(Grade.ENGINEER, Stage.PRACTICAL, ExamResult.FAIL, 60.0, List.of(), null);
        assertEquals(List.of(), rules(practical, "점수(60점)는 합격기준 이상이지만 불합격 처리되었습니다. 점수가 원인이 아닙니다."));
    }

    @Test
    void aPassWithASubjectMarkedUnderTheMinimumIsFlagged() {
        FeedbackRequest pass = request(
                Grade.ENGINEER,
                Stage.WRITTEN,
                ExamResult.PASS,
                65.0,
                List.of(new SubjectScore("A", 40), new SubjectScore("B", 90)),
                null);
        Map<String, Object> row = data("name", "A", "score", 40.0, "belowSubjectMinimum", true);
        FeedbackDecision page =
                page(pass, section(SectionId.SCORE_BREAKDOWN, "과목별 점수", data("subjects", List.of(row))));
        assertEquals(List.of(PageLint.Rule.RESULT_CONTRADICTED_BY_SCORES), rules(pass, page));
    }

    @Test
    void aPassRateForAYearNobodySatIsFlagged() {
        FeedbackRequest r = engineerFail();
        Map<String, Object> years = data(
                "stage",
                "WRITTEN",
                "years",
                List.of(data("year", 2024, "passRate", 0.0), data("year", 2025, "passRate", 35.4)));
        assertEquals(
                List.of(PageLint.Rule.ZERO_PASS_RATE_WITHOUT_APPLICANTS),
                rules(r, page(r, section(SectionId.PASS_RATE_TREND, "합격률: 최근 합격률은 35.4%입니다.", years))));
        Map<String, Object> withoutThatYear =
                data("stage", "WRITTEN", "years", List.of(data("year", 2025, "passRate", 35.4)));
        assertEquals(List.of(), rules(r, page(r, section(SectionId.PASS_RATE_TREND, "합격률", withoutThatYear))));
    }

    @Test
    void theYouthDiscountFollowsTheBirthDateCutoff() {
        FeedbackRequest born1991 =
                request(Grade.ENGINEER, Stage.WRITTEN, ExamResult.FAIL, 50.0, List.of(), LocalDate.of(1991, 1, 1));
        assertEquals(
                List.of(PageLint.Rule.YOUTH_DISCOUNT_CUTOFF),
                rules(born1991, page(born1991)),
                "missing for 1991-01-01");
        FeedbackRequest born1990 =
                request(Grade.ENGINEER, Stage.WRITTEN, ExamResult.FAIL, 50.0, List.of(), LocalDate.of(1990, 12, 31));
        assertEquals(List.of(), rules(born1990, page(born1990)));
        assertEquals(
                List.of(PageLint.Rule.YOUTH_DISCOUNT_CUTOFF),
                rules(
                        born1990,
                        page(born1990, section(SectionId.YOUTH_FEE_DISCOUNT, "청년 응시료 할인", data("maxAge", 34)))));
    }

    @Test
    void anExemptionFrom29FebruaryEndsOn28February() {
        FeedbackRequest r = new FeedbackRequest(
                "x",
                LocalDate.of(2026, 2, 28),
                new QualificationRef("1320", null, Grade.ENGINEER),
                new ExamSitting(
                        "2026-1",
                        Stage.PRACTICAL,
                        LocalDate.of(2025, 4, 19),
                        LocalDate.of(2025, 6, 5),
                        ExamResult.FAIL,
                        50.0,
                        List.of()),
                new CandidateInfo(null, LocalDate.of(2024, 2, 29), null, null, null));
        Map<String, Object> dayTooEarly = data(
                "validFrom",
                "2024-02-29",
                "validUntil",
                "2026-02-27",
                "daysRemaining",
                -1L,
                "status",
                "EXPIRED",
                "practicalRoundsLeft",
                null);
        assertEquals(
                List.of(PageLint.Rule.EXEMPTION_WINDOW_NOT_PER_LAW),
                rules(r, page(r, section(SectionId.WRITTEN_EXEMPTION, "면제 기간이 지났습니다.", dayTooEarly))));
        Map<String, Object> perLaw = data(
                "validFrom",
                "2024-02-29",
                "validUntil",
                "2026-02-28",
                "daysRemaining",
                0L,
                "status",
                "EXPIRING",
                "practicalRoundsLeft",
                null);
        assertEquals(
                List.of(), rules(r, page(r, section(SectionId.WRITTEN_EXEMPTION, "면제는 2026.02.28에 끝납니다.", perLaw))));
    }

    @Test
    void aReminderBeforeAsOfOrADocumentDeadlineForDocumentsAlreadyInIsFlagged() {
        FeedbackRequest r = request(Grade.ENGINEER, Stage.WRITTEN, ExamResult.PASS, 70.0, List.of(), null);
        FeedbackDecision page = withReminders(
                page(r, section(SectionId.REAPPLY, "다시 접수하세요.", data())),
                reminder(ReminderKind.REGISTRATION_CLOSES, AS_OF.minusDays(1)),
                reminder(ReminderKind.DOCUMENTS_DUE, AS_OF.plusDays(3)));

        assertEquals(List.of(PageLint.Rule.REMINDER_NOT_TRUE, PageLint.Rule.REMINDER_NOT_TRUE), rules(r, page));
    }

    @Test
    void anSmsOverNinetyBytesInEucKrIsFlagged() {
        FeedbackRequest r = engineerFail();
        FeedbackDecision base = page(r, section(SectionId.REAPPLY, "다시 접수하세요.", data()));
        FeedbackDecision page = new FeedbackDecision(
                "d",
                "v",
                r.asOf(),
                r.exam().outcome(),
                base.sections(),
                List.of(),
                List.of(),
                new Notifications(Text.of("가".repeat(46)), Text.of("결과 안내")),
                List.of());

        assertEquals(List.of(PageLint.Rule.TEXT_MESSAGE_TOO_LONG), rules(r, page));
    }

    private static FeedbackDecision withReminders(FeedbackDecision page, Reminder... reminders) {
        return new FeedbackDecision(
                page.decisionId(),
                page.rulesVersion(),
                page.asOf(),
                page.outcome(),
                page.sections(),
                page.notices(),
                List.of(reminders),
                null,
                page.trace());
    }

    private static Reminder reminder(ReminderKind kind, LocalDate date) {
        return new Reminder(kind, date, Text.of("철도차량기사 일정"), 1, "1030", "제1회");
    }

    private List<PageLint.Rule> rules(FeedbackRequest request, String body) {
        return rules(request, page(request, section(SectionId.REAPPLY, body, data())));
    }

    private List<PageLint.Rule> rules(FeedbackRequest request, FeedbackDecision page) {
        return lint.check(request, page, "{}").stream()
                .map(PageLint.Finding::rule)
                .toList();
    }

    private static FeedbackRequest engineerFail() {
        return request(Grade.ENGINEER, Stage.WRITTEN, ExamResult.FAIL, 50.0, List.of(), null);
    }

    private static FeedbackRequest request(
            Grade grade, Stage stage, ExamResult result, Double total, List<SubjectScore> subjects, LocalDate birth) {
        return new FeedbackRequest(
                "x",
                AS_OF,
                new QualificationRef("1030", null, grade),
                new ExamSitting(
                        "2026-1", stage, LocalDate.of(2026, 1, 30), LocalDate.of(2026, 3, 11), result, total, subjects),
                new CandidateInfo(birth, null, DocumentStatus.SUBMITTED, null, null));
    }

    private static FeedbackDecision page(FeedbackRequest request, Section... sections) {
        return new FeedbackDecision(
                "d", "v", request.asOf(), request.exam().outcome(), List.of(sections), List.<Notice>of(), List.of());
    }

    private static Section section(SectionId id, String body, Map<String, Object> data) {
        return new Section(id, 10, Tone.INFO, "제목", body, data, List.<Link>of());
    }

    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
