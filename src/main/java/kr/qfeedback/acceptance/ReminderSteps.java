package kr.qfeedback.acceptance;

import static kr.qfeedback.acceptance.Expect.assertEquals;
import static kr.qfeedback.acceptance.Expect.assertTrue;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.ko.그러면;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.rules.EucKrBytes;

/**
 * The 그러면 steps about a decision's reminders (the candidate's dated next steps) and its text
 * messages: which dates, in order, none before the reference day, and the SMS and LMS within their
 * EUC-KR limits.
 */
public class ReminderSteps {

    private static FeedbackDecision decision() {
        return CurrentScenario.get().decision();
    }

    @그러면("^알림은 날짜순으로 다음과 같다:?$")
    public void 알림_목록(DataTable table) {
        List<String> expected = table.asMaps().stream()
                .map(r -> r.get("종류").trim() + " " + r.get("날짜").trim())
                .toList();
        List<String> actual = decision().reminders().stream()
                .map(r -> r.kind().name() + " " + r.date())
                .toList();
        assertEquals(expected, actual, "알림(종류와 날짜)이 다릅니다.");
        for (Map<String, String> row : table.asMaps()) {
            String days = row.get("며칠 전");
            if (days != null && !days.isBlank()) {
                Reminder r = reminder(row.get("종류").trim());
                assertEquals(Integer.parseInt(days.trim()), r.alertDaysBefore(), r.kind() + " 알림을 며칠 전에 알릴지");
            }
        }
        알림_기준일_이후();
    }

    @그러면("^알림은 없다$")
    public void 알림_없음() {
        assertEquals(List.of(), decision().reminders(), "알림");
    }

    @그러면("^\"([A-Z_]+)\" 알림의 글에 \"([^\"]+)\"(?:이|가) 들어 있다$")
    public void 알림_글(String kind, String phrase) {
        Reminder r = reminder(kind);
        assertTrue(r.text().contains(phrase), kind + " 알림의 글에 \"" + phrase + "\"이(가) 없습니다: " + r.text());
    }

    @그러면("^어떤 알림도 기준일보다 앞서지 않는다$")
    public void 알림_기준일_이후() {
        LocalDate asOf = decision().asOf();
        for (Reminder r : decision().reminders()) {
            assertTrue(!r.date().isBefore(asOf), "기준일(" + asOf + ") 전의 알림이 있습니다: " + r);
        }
    }

    @그러면("^문자\\(SMS\\)는 EUC-KR 90바이트, 장문\\(LMS\\)은 2000바이트를 넘지 않는다$")
    public void 문자_길이() {
        Notifications n = decision().notifications();
        int sms = EucKrBytes.of(n.sms());
        int lms = EucKrBytes.of(n.lms());
        assertTrue(sms <= Notifications.SMS_BYTES, "SMS가 " + sms + "바이트입니다: " + n.sms());
        assertTrue(lms <= Notifications.LMS_BYTES, "LMS가 " + lms + "바이트입니다: " + n.lms());
    }

    @그러면("^(문자|장문)에 \"([^\"]+)\"(?:이|가) 들어 (있다|있지 않다)$")
    public void 문자_글(String channel, String phrase, String present) {
        Notifications n = decision().notifications();
        String text = channel.equals("문자") ? n.sms() : n.lms();
        assertEquals(present.equals("있다"), text.contains(phrase), channel + "에 \"" + phrase + "\": " + text);
    }

    private static Reminder reminder(String kind) {
        return decision().reminders().stream()
                .filter(r -> r.kind().name().equals(kind))
                .findFirst()
                .orElseGet(() ->
                        Expect.fail(kind + " 알림이 없습니다. 있는 알림: " + decision().reminders()));
    }
}
