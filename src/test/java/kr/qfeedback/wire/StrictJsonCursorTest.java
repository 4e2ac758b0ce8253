package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The strict cursor reads values exactly as Vert.x's parser holds them, and refuses whatever lies
 * outside its subset of JSON instead of guessing.
 */
class StrictJsonCursorTest {

    private static Object read(String json) throws StrictJsonCursor.Refused {
        StrictJsonCursor cursor = new StrictJsonCursor(json.getBytes(StandardCharsets.UTF_8));
        Object value = cursor.scalar();
        if (!cursor.atEnd()) {
            throw StrictJsonCursor.Refused.INSTANCE;
        }
        return value;
    }

    /** The value Vert.x's parser holds for one JSON value (read as the only item of an array). */
    private static Object vertx(String json) {
        return new JsonArray("[" + json + "]").getValue(0);
    }

    @Test
    void numbersAreTheIntegersLongsAndDoublesVertxHolds() throws Exception {
        Random random = new Random(7L);
        List<String> numbers = new ArrayList<>(List.of(
                "0",
                "-0",
                "0.0",
                "-0.0",
                "100",
                "100.0",
                "58.5",
                "58.55",
                "0.1",
                "2147483647",
                "2147483648",
                "-2147483648",
                "-2147483649",
                "999999999999999999",
                "-999999999999999999",
                "1e2",
                "1E2",
                "1e-2",
                "1.5e+3",
                "1e400",
                "-1e400",
                "4.9e-324",
                "9007199254740993.5",
                "123456789012.345678",
                "0.30000000000000004",
                "1.7976931348623157e308",
                "71.49999999999999",
                "3.14159265358979323846264338327950288",
                "1e-400",
                "123456789012345678.5",
                "0.000000000000000000000001"));
        for (int i = 0; i < 100_000; i++) {
            long whole = random.nextInt(4) == 0 ? random.nextLong() % 1_000_000_000_000_000_000L : random.nextInt(1001);
            String number = Long.toString(whole);
            if (random.nextBoolean()) {
                StringBuilder fraction = new StringBuilder();
                for (int d = 1 + random.nextInt(random.nextBoolean() ? 3 : 25); d > 0; d--) {
                    fraction.append(random.nextInt(10));
                }
                number += "." + fraction;
            }
            if (random.nextInt(8) == 0) {
                number += "e" + (random.nextInt(60) - 30);
            }
            numbers.add(number);
        }
        for (String number : numbers) {
            Object expected = vertx(number);
            Object actual = read(number);
            assertEquals(expected, actual, number);
            assertEquals(expected.getClass(), actual.getClass(), number);
        }
    }

    @Test
    void textIsReadAsUtf8AndPlainValuesAsVertxHoldsThem() throws Exception {
        for (String json :
                List.of("\"정보처리기사\"", "\"\"", "\"C-0001 / 2026\"", "true", "false", "null", " \n\t\"x\"\r\n")) {
            assertEquals(vertx(json.strip()), read(json), json);
        }
    }

    @Test
    void whatLiesOutsideTheStrictSubsetIsRefusedNotGuessed() {
        for (String json : List.of(
                "\"a\\nb\"",
                "\"\\u0041\"",
                "\"tab\there\"",
                "01",
                "-",
                "1.",
                ".5",
                "+1",
                "1e",
                "1e+",
                "1234567890123456789",
                "1" + "0".repeat(100) + ".5",
                "NaN",
                "tru",
                "nul",
                "truex",
                "1x",
                "'a'",
                "{}",
                "[]",
                "/* c */ 1",
                "\"unterminated")) {
            assertThrows(StrictJsonCursor.Refused.class, () -> read(json), json);
        }
        byte[] malformed = {'"', (byte) 0xC3, '"'};
        assertThrows(StrictJsonCursor.Refused.class, () -> new StrictJsonCursor(malformed).scalar(), "malformed UTF-8");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        assertThrows(StrictJsonCursor.Refused.class, () -> new StrictJsonCursor(bom).expect('{'), "a byte-order mark");
    }

    @Test
    void membersAndItemsNeedTheirSeparatorsAndNoTrailingComma() throws Exception {
        byte[][] names = {"a".getBytes(StandardCharsets.US_ASCII), "b".getBytes(StandardCharsets.US_ASCII)};
        StrictJsonCursor object =
                new StrictJsonCursor("{\"b\" : 1 , \"z\":[1,{\"q\":[]}], \"a\":2}".getBytes(StandardCharsets.UTF_8));
        object.expect('{');
        assertEquals(1, object.nextMember(names, true));
        assertEquals(1, object.scalar());
        assertEquals(-1, object.nextMember(names, false));
        object.skipValue();
        assertEquals(0, object.nextMember(names, false));
        assertEquals(2, object.scalar());
        assertEquals(-2, object.nextMember(names, false));
        assertTrue(object.atEnd());

        for (String json : List.of("{\"a\":1,}", "{\"a\":1 \"b\":2}", "{,\"a\":1}", "{\"a\" 1}", "{a:1}")) {
            StrictJsonCursor cursor = new StrictJsonCursor(json.getBytes(StandardCharsets.UTF_8));
            assertThrows(
                    StrictJsonCursor.Refused.class,
                    () -> {
                        cursor.expect('{');
                        boolean first = true;
                        while (cursor.nextMember(names, first) != -2) {
                            cursor.scalar();
                            first = false;
                        }
                    },
                    json);
        }
        for (String json : List.of(
                "[1,]",
                "[1 2]",
                "[,1]",
                "[".repeat(StrictJsonCursor.MAX_DEPTH + 2) + "]".repeat(StrictJsonCursor.MAX_DEPTH + 2))) {
            assertThrows(
                    StrictJsonCursor.Refused.class,
                    () -> new StrictJsonCursor(json.getBytes(StandardCharsets.UTF_8)).skipValue(),
                    json);
        }
    }
}
