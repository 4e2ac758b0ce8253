package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
    private static final JsonFactory JACKSON = new JsonFactory();

    private interface Writing {
        void write(JsonGenerator json) throws IOException;
    }

    private static String jackson(Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JACKSON.createGenerator(out)) {
            writing.write(json);
        }
        return out.toString(StandardCharsets.ISO_8859_1); // compared byte for byte
    }

    private static String bytes(JsonBytes json) {
        return new String(json.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyCharIsWrittenAsJacksonWritesItAloneAndBesideOthers() throws IOException {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String alone = String.valueOf((char) c);
            assertEquals(
                    jackson(json -> json.writeString(alone)),
                    bytes(new JsonBytes(4).string(alone)),
                    () -> "char U+" + Integer.toHexString(alone.charAt(0)));
        }
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            all.append((char) c);
        }
        String text = all.toString();
        assertEquals(jackson(json -> json.writeString(text)), bytes(new JsonBytes(16).string(text)));
    }

    @Test
    void koreanTextEmojiQuotesAndControlCharactersMatchJackson() throws IOException {
        Random random = new Random(42);
        String[] pieces = {
            "정보처리기사 필기 합격",
            "\"",
            "\\",
            "\n",
            "\t",
            "/",
            "😀",
            "\uD800",
            "\uDFFF",
            "a",
            " ",
            "\u2028",
            "\u007F",
            "\u0000",
            "é",
            "{점수}",
            "100.0점"
        };
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertEquals(jackson(json -> json.writeString(s)), bytes(new JsonBytes(1).string(s)), s);
        }
    }

    @Test
    void numbersAndLiteralsMatchJackson() throws IOException {
        long[] longs = {0, 1, 9, 10, -1, -10, 42, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long n : longs) {
            assertEquals(jackson(json -> json.writeNumber(n)), bytes(new JsonBytes(1).number(n)), "long " + n);
        }
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) { // each digit count's edges
            for (long n : new long[] {power - 1, power, power + 1, 10 * power - 1, -power, -(10 * power - 1)}) {
                assertEquals(jackson(json -> json.writeNumber(n)), bytes(new JsonBytes(1).number(n)), "long " + n);
            }
        }
        double[] doubles = {
            0.0,
            -0.0,
            1.0,
            0.1,
            72.35,
            100.0,
            1e-7,
            1.0e10,
            123456789.125,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        for (double d : doubles) {
            assertEquals(jackson(json -> json.writeNumber(d)), bytes(new JsonBytes(1).number(d)), "double " + d);
        }
        assertEquals(jackson(json -> json.writeBoolean(true)), bytes(new JsonBytes(1).bool(true)));
        assertEquals(jackson(json -> json.writeBoolean(false)), bytes(new JsonBytes(1).bool(false)));
        assertEquals(jackson(JsonGenerator::writeNull), bytes(new JsonBytes(1).nullValue()));
    }

    @Test
    void aStringWrittenInPiecesReadsAsTheWholeWhereverItIsCut() throws IOException {
        String text = "합격 \"기준\"\n😀 평균 60점\\ 이상\uD800";
        for (int cut = 0; cut <= text.length(); cut++) {
            for (int second = cut; second <= text.length(); second++) {
                JsonBytes pieces = new JsonBytes(1)
                        .raw('"')
                        .stringContent(text.substring(0, cut))
                        .raw(JsonBytes.encodedContent(text.substring(cut, second)))
                        .stringContent(text.substring(second))
                        .raw('"');
                assertEquals(
                        jackson(json -> json.writeString(text)), bytes(pieces), "cut at " + cut + " and " + second);
            }
        }
    }

    @Test
    void aValueRepeatedInOneDecisionIsWrittenWithTheSameBytes() throws IOException {
        String name = "공조냉동기계기능사 \"1급\"\n😀";
        String other = "정보처리기사";
        JsonBytes json =
                new JsonBytes(1).forget().raw('"').repeatedContent(name).raw('"');
        for (int i = 0; i < 20; i++) { // more values than it remembers: the oldest make way
            json.raw(',').raw('"').repeatedContent(other + i).raw('"');
        }
        json.raw(',').raw('"').repeatedContent(name).raw('"'); // forgotten: encoded again
        json.raw(',').raw('"').repeatedContent(other + 19).raw('"'); // remembered: copied
        json.forget().raw(',').raw('"').repeatedContent(other + 19).raw('"'); // a new document
        assertEquals(
                jackson(out -> {
                    out.writeStartArray();
                    out.writeString(name);
                    for (int i = 0; i < 20; i++) {
                        out.writeString(other + i);
                    }
                    out.writeString(name);
                    out.writeString(other + 19);
                    out.writeString(other + 19);
                    out.writeEndArray();
                }),
                "[" + bytes(json) + "]");
    }

    @Test
    void theArrayGrowsAndClearingKeepsItsCapacity() {
        JsonBytes json = new JsonBytes(2);
        json.string("정보처리기사".repeat(100));
        assertEquals("\"" + "정보처리기사".repeat(100) + "\"", json.toString());
        int capacity = json.capacity();
        json.clear().raw('1');
        assertEquals("1", json.toString());
        assertEquals(capacity, json.capacity());
    }
}
