package kr.qfeedback.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.cohort.RequestJson;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch --notifications FILE}: every decided line's SMS and LMS as RFC 4180 CSV rows
 * ({@code candidateId,channel,text}) in input order, the same texts as the decisions' JSON, nothing
 * for a line answered with an error.
 */
class BatchTextMessagesTest {

    @Test
    void everyDecisionsTextsAreWrittenAsCsvInInputOrderAndReadBackTheSame(@TempDir Path dir) throws IOException {
        RuleSet rules = ShippedRules.compiled();
        List<FeedbackRequest> requests = new ArrayList<>();
        new CohortGenerator(rules.reference(), rules.parameters())
                .requests(5, 300)
                .forEachRemaining(requests::add);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < requests.size(); i++) {
            input.append(RequestJson.toJson(requests.get(i)).encode()).append('\n');
            if (i == 10) {
                input.append("{\"not\": \"a request\"}\n");
            }
        }
        Path in = dir.resolve("in.ndjson");
        Path out = dir.resolve("out.ndjson");
        Path csv = dir.resolve("messages.csv");
        Files.writeString(in, input, StandardCharsets.UTF_8);

        BatchSummary summary =
                new BatchRunner(Clock.systemUTC(), 17).run(in, out, csv, rules, 2, ProgressSink.silent());

        List<List<String>> rows = parse(Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(List.of("candidateId", "channel", "text"), rows.get(0));
        assertEquals(1, summary.errors());
        assertEquals(2 * summary.decided() + 1, rows.size());
        List<JsonObject> decisions = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .map(JsonObject::new)
                .filter(d -> !d.containsKey("error"))
                .toList();
        for (int i = 0; i < requests.size(); i++) {
            List<String> sms = rows.get(1 + 2 * i);
            List<String> lms = rows.get(2 + 2 * i);
            JsonObject texts = decisions.get(i).getJsonObject("notifications");
            assertEquals(List.of(requests.get(i).candidateId(), "SMS", texts.getString("sms")), sms);
            assertEquals(List.of(requests.get(i).candidateId(), "LMS", texts.getString("lms")), lms);
        }
        assertTrue(Files.readString(csv).contains("\"\r\n"), "an LMS with line breaks is quoted");
    }

    @Test
    void aFieldWithACommaAQuoteOrALineBreakIsQuotedWithItsQuotesDoubled() {
        TextMessageRows rows = new TextMessageRows();
        rows.field("plain");
        rows.field("a,b");
        rows.field("say \"hi\"");
        rows.field("two\nlines");
        var out = new java.io.ByteArrayOutputStream();
        try {
            rows.writeTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertEquals("plain\"a,b\"\"say \"\"hi\"\"\"\"two\nlines\"", out.toString(StandardCharsets.UTF_8));
    }

    /** A strict RFC 4180 reader: CRLF row ends, quoted fields with doubled quotes. */
    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    char q = text.charAt(i++);
                    if (q == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (q == '"') {
                        break;
                    } else {
                        field.append(q);
                    }
                }
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                assertEquals('\n', text.charAt(i + 1), "rows end with CRLF");
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertTrue(c != '\n' && c != '"', "a bare line break or quote outside quotes at " + i);
                field.append(c);
                i++;
            }
        }
        assertTrue(row.isEmpty() && field.length() == 0, "the file ends with CRLF");
        return rows;
    }
}
