package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.rules.EucKrBytes;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;

/**
 * The reminders and text messages of decisions made with the shipped rules: the dates the page's
 * facts give, none already past or no longer true for the candidate, sorted, in the JSON after
 * {@code notices}; and SMS and LMS within their EUC-KR limits for every qualification.
 */
class RemindersAndTextMessagesTest {
    private static final DecisionService SERVICE = new DecisionService(Clock.systemUTC());

    private static FeedbackDecision decide(JsonObject request) {
        return SERVICE.decide(request.toBuffer(), ShippedRules.compiled());
    }

    private static List<String> kindsAndDates(FeedbackDecision decision) {
        return decision.reminders().stream().map(r -> r.kind() + " " + r.date()).toList();
    }

    @Test
    void aWrittenPassWithDocumentsDueIsRemindedOfTheDeadlineThePracticalRoundAndTheExemptionEnd() {
        FeedbackDecision d = decide(ExampleRequests.without(ExampleRequests.example(), "candidate.heldQualifications"));

        assertEquals(
                List.of(
                        "DOCUMENTS_DUE 2026-03-20",
                        "REGISTRATION_OPENS 2026-03-23",
                        "REGISTRATION_CLOSES 2026-03-26",
                        "EXAM_DAY 2026-04-18",
                        "EXEMPTION_ENDS 2028-03-10"),
                kindsAndDates(d));
        assertEquals(
                List.of(3, 1, 1, 3, 30),
                d.reminders().stream().map(Reminder::alertDaysBefore).toList());
        assertEquals("정보처리기사 응시자격 서류 제출 마감(2026.03.20)", d.reminders().get(0).text());
        assertEquals("정보처리기사 제1회 실기시험 원서접수 시작(2026.03.23)", d.reminders().get(1).text());
    }

    @Test
    void documentsAlreadyInAreNotRemindedOf() {
        FeedbackDecision d = decide(ExampleRequests.with(
                ExampleRequests.without(ExampleRequests.example(), "candidate.heldQualifications"),
                "candidate.eligibilityDocuments",
                "SUBMITTED"));

        assertTrue(
                d.reminders().stream().noneMatch(r -> r.kind().name().equals("DOCUMENTS_DUE")),
                kindsAndDates(d)::toString);
    }

    @Test
    void pastTheDocumentDeadlineThePassIsVoidSoNeitherItsDeadlineNorItsExemptionIsRemindedOf() {
        JsonObject late = ExampleRequests.with(
                ExampleRequests.without(ExampleRequests.example(), "candidate.heldQualifications"),
                "asOf",
                "2026-03-24");

        FeedbackDecision d = decide(late);

        for (Reminder r : d.reminders()) {
            assertTrue(!r.date().isBefore(LocalDate.parse("2026-03-24")), r::toString);
            assertTrue(
                    r.kind().name().startsWith("REGISTRATION")
                            || r.kind().name().equals("EXAM_DAY"),
                    r::toString);
            assertTrue(r.text().contains("필기시험"), "the next exam is the written one again: " + r.text());
        }
        assertTrue(d.notifications().sms().contains("합격 무효"), d.notifications().sms());
    }

    @Test
    void aFinalPassHasNoDatesToRemindOf() {
        JsonObject pass = ExampleRequests.with(ExampleRequests.example(), "exam.stage", "PRACTICAL");
        pass = ExampleRequests.with(pass, "exam.subjects", new JsonArray());

        FeedbackDecision d = decide(pass);

        assertEquals("PRACTICAL_PASS", d.outcome().code());
        assertEquals(List.of(), d.reminders());
        assertTrue(
                d.notifications().lms().contains("결과: 합격("), d.notifications().lms());
    }

    @Test
    void theJsonCarriesRemindersAndNotificationsAfterNoticesAndBeforeTheTrace() {
        FeedbackDecision d = decide(ExampleRequests.example());

        String json = DecisionJson.toBuffer(d, true).toString();
        JsonObject parsed = new JsonObject(json);

        assertEquals(
                List.of(
                        "decisionId",
                        "rulesVersion",
                        "asOf",
                        "outcome",
                        "sections",
                        "notices",
                        "reminders",
                        "notifications",
                        "trace"),
                new ArrayList<>(parsed.fieldNames()));
        JsonObject first = parsed.getJsonArray("reminders").getJsonObject(0);
        assertEquals(List.of("kind", "date", "text"), new ArrayList<>(first.fieldNames()));
        assertEquals(
                List.of("sms", "lms"),
                new ArrayList<>(parsed.getJsonObject("notifications").fieldNames()));
    }

    @Test
    void everyQualificationsTextMessagesFitTheirLimitsEvenWithTheLongestResultTerm() {
        RuleSet rules = ShippedRules.compiled();
        var decider = new kr.qfeedback.decision.FeedbackDecider();
        int longestSms = 0;
        for (Qualification q : rules.reference().all()) {
            if (q.grade() == null) {
                continue; // a request must name a grade; the reference leaves a few unknown
            }
            FeedbackRequest request = new FeedbackRequest(
                    "T-1",
                    LocalDate.parse("2026-12-31"),
                    new QualificationRef(q.code(), null, q.grade()),
                    new ExamSitting(
                            "2026-999",
                            Stage.WRITTEN,
                            LocalDate.parse("2026-01-30"),
                            LocalDate.parse("2026-03-11"),
                            ExamResult.PASS,
                            99.5,
                            List.of()),
                    new CandidateInfo(null, null, DocumentStatus.NOT_SUBMITTED, null, List.of()));
            Notifications n = decider.decide(request, rules).notifications();
            longestSms = Math.max(longestSms, EucKrBytes.of(n.sms()));
            assertTrue(EucKrBytes.of(n.sms()) <= Notifications.SMS_BYTES, n.sms());
            assertTrue(EucKrBytes.of(n.lms()) <= Notifications.LMS_BYTES, n.lms());
        }
        assertTrue(longestSms > 60, "the longest SMS (" + longestSms + " bytes) names a long qualification");
    }

    @Test
    void aRequestWithoutAPhoneNumberIsAllTheServiceNeedsToWriteTheMessages() {
        Buffer body = ExampleRequests.example().toBuffer();

        FeedbackDecision d = SERVICE.decide(body, ShippedRules.compiled());

        assertTrue(
                d.notifications().sms().endsWith("https://www.q-net.or.kr"),
                d.notifications().sms());
        assertTrue(!d.notifications().lms().contains("cand-0001"), "no candidate id in a message");
    }
}
