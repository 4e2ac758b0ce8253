package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Tone;
import org.junit.jupiter.api.Test;

class EncodedValuesTest {

    private static String text(byte[] encoded) {
        return new String(encoded, StandardCharsets.UTF_8);
    }

    @Test
    void anInstantIsWrittenAsInstantToStringInQuotesWhateverItsFraction() {
        SplittableRandom random = new SplittableRandom(20261202);
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.parse("2026-03-11T01:02:03Z"),
                Instant.parse("2026-03-11T01:02:03.100Z"),
                Instant.parse("2026-03-11T01:02:03.000100Z"),
                Instant.parse("2026-03-11T01:02:03.000000001Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("+12026-01-01T00:00:00.5Z")));
        long now = Instant.parse("2026-12-02T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second =
                    now + random.nextInt(5) + (i % 1000 == 0 ? random.nextLong(-4_000_000_000L, 4_000_000_000L) : 0);
            int nano = switch (i % 4) {
                case 0 -> random.nextInt(1_000) * 1_000_000;
                case 1 -> random.nextInt(1_000_000) * 1_000;
                case 2 -> random.nextInt(1_000_000_000);
                default -> 0;
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        JsonBytes json = new JsonBytes(16);
        for (Instant instant : instants) {
            assertEquals(
                    '"' + instant.toString() + '"',
                    EncodedValues.instant(json.clear(), instant).toString());
        }
    }

    @Test
    void everyDateIsItsIsoTextInQuotesInAnyOrderAndOutsideTheKeptRange() {
        java.util.Random random = new java.util.Random(11L);
        for (int i = 0; i < 50_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(60_000) - 3_000); // 1961 to 2134
            assertEquals('"' + date.toString() + '"', text(EncodedValues.date(date)), date.toString());
            assertEquals('"' + date.toString() + '"', text(EncodedValues.date(date)), "asked again: " + date);
        }
        for (LocalDate edge : java.util.List.of(
                LocalDate.of(1969, 12, 31),
                LocalDate.of(1970, 1, 1),
                LocalDate.of(2099, 12, 31),
                LocalDate.of(2100, 1, 1),
                LocalDate.MIN,
                LocalDate.MAX)) {
            assertEquals('"' + edge.toString() + '"', text(EncodedValues.date(edge)), edge.toString());
        }
    }

    @Test
    void outcomesDatesVersionsAndEnumValuesAreTheirTextsInQuotes() {
        for (Stage stage : Stage.values()) {
            for (ExamResult result : ExamResult.values()) {
                Outcome outcome = new Outcome(stage, result);
                assertEquals('"' + outcome.code() + '"', text(EncodedValues.outcome(outcome)));
            }
        }
        for (SectionId id : SectionId.values()) {
            assertEquals('"' + id.name() + '"', text(EncodedValues.sectionId(id)));
        }
        for (Tone tone : Tone.values()) {
            assertEquals('"' + tone.name() + '"', text(EncodedValues.tone(tone)));
        }
        // values that alternate (two rules versions around a publish, two dates around midnight) stay right
        for (int i = 0; i < 10; i++) {
            String version = i % 2 == 0 ? "129a1d369cc3" : "0123456789ab";
            assertEquals('"' + version + '"', text(EncodedValues.version(version)));
            LocalDate date = LocalDate.of(2026, 12, 1 + i % 2);
            assertEquals('"' + date.toString() + '"', text(EncodedValues.date(date)));
        }
    }
}
