package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kr.qfeedback.decision.plain.PlainDecisionJson;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.HardTexts;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Text;
import org.junit.jupiter.api.Test;

/**
 * Decision lines for the batch: each line is the decision's JSON as Vert.x writes it (the LMS's
 * copies of the reminders included), whatever the texts hold (quotes, line breaks, control
 * characters, emoji, a surrogate pair cut between two pieces, lone surrogates).
 */
class DecisionLinesTest {
    @Test
    void linesAreTheDecisionsJsonWhateverTheirTextsHold() throws IOException {
        Random random = new Random(7L);
        DecisionLines lines = new DecisionLines();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int round = 0; round < 3_000; round++) {
            FeedbackDecision decision = decision(random, round);
            lines.addDecision(decision);
            expected.write(PlainDecisionJson.toJson(decision, false).toBuffer().getBytes());
            expected.write('\n');
            if (round % 100 == 99) {
                lines.addLine(Buffer.buffer("{\"line\":" + round + "}"));
                expected.write(("{\"line\":" + round + "}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.writeTo(out);
        // compared as text for a readable failure; the bytes are Vert.x's (lone surrogates escaped)
        assertEquals(
                List.of(expected.toString(StandardCharsets.UTF_8).split("\n")),
                List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
        assertArrayEquals(expected.toByteArray(), out.toByteArray());
        assertEquals(out.size(), lines.length());

        lines.clear();
        assertEquals(0, lines.length());
    }

    private static FeedbackDecision decision(Random random, int round) {
        List<Reminder> reminders = new ArrayList<>();
        List<Object> lms =
                new ArrayList<>(List.of(new Text.Fixed("(Q-Net) "), HardTexts.any(random), new Text.Fixed("\n")));
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            Text text = random.nextBoolean()
                    ? Text.of(HardTexts.any(random) + round)
                    : Text.of(List.of(
                            HardTexts.any(random), new Text.Fixed(" 마감("), HardTexts.any(random), new Text.Fixed(")")));
            reminders.add(new Reminder(ReminderKind.values()[i], LocalDate.of(2026, 3, 20 + i), text, 1, "1320", ""));
            lms.add(new Text.Fixed("- "));
            for (int p = 0; p < text.parts(); p++) {
                lms.add(text.part(p)); // the very values of the reminder, as the decider splices them in
            }
        }
        lms.add(HardTexts.any(random));
        Text sms = random.nextBoolean()
                ? Text.of(HardTexts.any(random) + HardTexts.any(random))
                : Text.of(List.of(HardTexts.any(random), HardTexts.any(random)));
        return new FeedbackDecision(
                "d-" + round,
                "v1",
                LocalDate.of(2026, 3, 11),
                new Outcome(Stage.WRITTEN, ExamResult.PASS),
                List.of(),
                List.of(),
                reminders,
                new Notifications(sms, Text.of(lms)),
                List.of());
    }
}
