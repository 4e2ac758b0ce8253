package kr.qfeedback.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kr.qfeedback.feedback.HardTexts;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.Text;
import org.junit.jupiter.api.Test;

/**
 * The CSV rows of text messages, written piece by piece, read exactly as RFC 4180 rows of the
 * joined texts' UTF-8 bytes, whatever the texts hold: commas, quotes, line breaks, control
 * characters, emoji, a surrogate pair cut between two pieces, lone surrogates.
 */
class TextMessageRowsTest {
    /** Fixed pieces are met again and again (their bytes are kept): a few, each shared by many texts. */
    private static final List<Text.Fixed> FIXED =
            HardTexts.VALUES.stream().map(Text.Fixed::new).toList();

    @Test
    void rowsAreTheJoinedTextsAsRfc4180FieldsInUtf8() throws IOException {
        Random random = new Random(11L);
        TextMessageRows rows = new TextMessageRows();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int round = 0; round < 5_000; round++) {
            Text sms = text(random);
            Text lms = text(random);
            String candidate = round % 7 == 0 ? "id,\"" + round + "\"" : "c-" + round;
            rows.add(candidate, new Notifications(sms, lms));
            expected.write(row(candidate, "SMS", sms.toString()));
            expected.write(row(candidate, "LMS", lms.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rows.writeTo(out);
        // compared as text for a readable failure, then as bytes (a lone surrogate is '?' in both)
        assertEquals(expected.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertArrayEquals(expected.toByteArray(), out.toByteArray());

        rows.clear();
        out.reset();
        rows.writeTo(out);
        assertEquals(0, out.size());
    }

    @Test
    void aTextWithoutQuotesCommasOrLineBreaksIsWrittenAsItIs() throws IOException {
        TextMessageRows rows = new TextMessageRows();
        Text sms = Text.of(List.of(new Text.Fixed("Q-Net: "), "정보처리기사", new Text.Fixed(" 필기시험 합격")));
        Text lms = Text.of(List.of(new Text.Fixed("결과\n다음 일정"), "\"제1회\""));
        rows.add("A-1", new Notifications(sms, lms));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rows.writeTo(out);
        assertEquals(
                "A-1,SMS,Q-Net: 정보처리기사 필기시험 합격\r\nA-1,LMS,\"결과\n다음 일정\"\"제1회\"\"\"\r\n",
                out.toString(StandardCharsets.UTF_8));
    }

    private static Text text(Random random) {
        List<Object> parts = new ArrayList<>();
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            parts.add(random.nextBoolean() ? FIXED.get(random.nextInt(FIXED.size())) : HardTexts.any(random));
        }
        return Text.of(parts);
    }

    private static byte[] row(String candidate, String channel, String text) {
        return (field(candidate) + "," + channel + "," + field(text) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
