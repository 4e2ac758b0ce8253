package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.cohort.RequestJson;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.rules.ShippedParameters;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader gives exactly what the tree parser gives for every valid body, and leaves
 * every body it does not read plainly, or that is not valid, to the tree parser (null).
 */
class PlainRequestReaderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T20:00:00Z"), ZoneOffset.UTC);
    private final FeedbackRequestParser parser = new FeedbackRequestParser(CLOCK);

    @Test
    void everyGeneratedRequestIsReadInOnePassAsTheTreeReadsIt() {
        ReferenceCatalogue reference = ReferenceCatalogue.load(Path.of("rules", "reference"));
        for (FeedbackRequest generated : CohortGenerator.list(reference, ShippedParameters.get(), 77L, 20_000)) {
            Buffer body = RequestJson.toJson(generated).toBuffer();
            FeedbackRequest plain = PlainRequestReader.read(body, CLOCK);
            assertNotNull(plain, body.toString());
            assertEquals(parser.parseTree(body), plain, body.toString());
        }
    }

    @Test
    void aBodyIsReadWhereItLiesInALargerBufferOrOutsideTheHeap() {
        ReferenceCatalogue reference = ReferenceCatalogue.load(Path.of("rules", "reference"));
        for (FeedbackRequest generated : CohortGenerator.list(reference, ShippedParameters.get(), 5L, 200)) {
            Buffer body = RequestJson.toJson(generated).toBuffer();
            FeedbackRequest expected = parser.parseTree(body);
            Buffer around = Buffer.buffer("xx\n").appendBuffer(body).appendString("\nyy");
            assertEquals(expected, PlainRequestReader.read(around.slice(3, 3 + body.length()), CLOCK), "a slice");
            io.netty.buffer.ByteBuf direct =
                    io.netty.buffer.Unpooled.directBuffer(body.length()).writeBytes(body.getBytes());
            try {
                assertEquals(
                        expected,
                        PlainRequestReader.read(io.vertx.core.internal.buffer.BufferInternal.buffer(direct), CLOCK),
                        "outside the heap");
            } finally {
                direct.release();
            }
        }
    }

    @Test
    void bodiesDamagedAtRandomAreLeftToTheTreeOrReadAlike() {
        ReferenceCatalogue reference = ReferenceCatalogue.load(Path.of("rules", "reference"));
        java.util.Random random = new java.util.Random(20261202L);
        byte[] alphabet = "{}[]\":,.-+eE0123456789 \n\t/\\nultrfasx\u00ea\u0080"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int readInOnePass = 0;
        int refusedByTree = 0;
        for (FeedbackRequest generated : CohortGenerator.list(reference, ShippedParameters.get(), 91L, 4_000)) {
            byte[] original = RequestJson.toJson(generated).toBuffer().getBytes();
            for (int k = 0; k < 5; k++) {
                byte[] damaged = damage(original, random, alphabet);
                Way way = readAlikeOrLeftToTheTree(
                        Buffer.buffer(damaged), () -> new String(damaged, java.nio.charset.StandardCharsets.UTF_8));
                readInOnePass += way == Way.ONE_PASS ? 1 : 0;
                refusedByTree += way == Way.REFUSED_BY_THE_TREE ? 1 : 0;
            }
        }
        // Both kinds occur, so that the comparison above is not empty on either side.
        org.junit.jupiter.api.Assertions.assertTrue(readInOnePass > 1_000, "read in one pass: " + readInOnePass);
        org.junit.jupiter.api.Assertions.assertTrue(refusedByTree > 1_000, "refused by the tree: " + refusedByTree);
    }

    /** One to three random edits: a byte replaced, inserted or removed, or a piece cut out. */
    private static byte[] damage(byte[] body, java.util.Random random, byte[] alphabet) {
        byte[] out = body;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(out.length);
            byte b = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            switch (random.nextInt(4)) {
                case 0 -> {
                    out = out.clone();
                    out[at] = b;
                }
                case 1 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = b;
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
                case 2 -> {
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                }
                default -> {
                    int length = Math.min(1 + random.nextInt(12), out.length - at);
                    byte[] shorter = new byte[out.length - length];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + length, shorter, at, out.length - at - length);
                    out = shorter;
                }
            }
        }
        return out;
    }

    @Test
    void unusualOrInvalidBodiesAreLeftToTheTreeOrReadAlike() {
        String base = """
                {"candidateId":"C-1","asOf":"2026-03-11","qualification":{"code":"1320","name":"정보처리기사","grade":"ENGINEER"},
                 "exam":{"round":"2026-1","stage":"WRITTEN","examDate":"2026-02-15","announcedOn":"2026-03-11","result":"FAIL",
                 "totalScore":58.5,"subjects":[{"name":"데이터베이스","score":35},{"name":"네트워크","score":70.0}]},
                 "candidate":{"birthDate":"2001-05-02","eligibilityDocuments":"NOT_SUBMITTED","attempts":2.0,"heldQualifications":["7910"]}}""";
        List<String> bodies = List.of(
                base,
                "  \n" + base + "\n ",
                base.replace("\"candidateId\":\"C-1\",", "\"candidateId\":\"C-1\",\"candidateId\":\"C-2\","),
                base.replace("\"asOf\":\"2026-03-11\",", "\"extra\":{\"a\":[1,{\"b\":null}],\"c\":\"x\"},"),
                base.replace("\"asOf\":\"2026-03-11\",", "\"asOf\":null,"),
                base.replace("\"asOf\":\"2026-03-11\",", ""),
                base.replace("\"candidate\":{", "\"candidate\":null,\"other\":{"),
                base.replace("\"subjects\":[", "\"subjects\":null,\"x\":["),
                base.replace("\"totalScore\":58.5,", ""),
                base.replace("\"result\":\"FAIL\",", "\"result\":\"ABSENT\",").replace("\"totalScore\":58.5,", ""),
                base.replace("58.5", "58.55"),
                base.replace("58.5", "1e400"),
                base.replace("58.5", "\"58.5\""),
                base.replace("\"score\":35", "\"score\":{\"v\":35}"),
                base.replace("\"round\":\"2026-1\"", "\"round\":[\"2026-1\"]"),
                base.replace("\"attempts\":2.0", "\"attempts\":2.5"),
                base.replace("[\"7910\"]", "[\"7910\",7]"),
                base.replace("[\"7910\"]", "\"7910\""),
                base.replace("\"ENGINEER\"", "\"engineer\""),
                base.replace("\"2026-02-15\"", "\"2026-2-15\""),
                base.replace("\"C-1\"", "\"\""),
                base.replace("\"C-1\"", "\"\\u0043-1\""),
                base.replace("\"qualification\":{", "\"qualification\":null,\"q\":{"),
                base + " {}",
                base + " x",
                base.substring(0, base.length() - 1),
                "[" + base + "]",
                "/* Vert.x reads comments */ " + base.replace("\"asOf\"", "// a line comment\n\"asOf\""),
                "\uFEFF" + base,
                "{}");
        for (String text : bodies) {
            readAlikeOrLeftToTheTree(Buffer.buffer(text), () -> text);
        }
        assertNotNull(PlainRequestReader.read(Buffer.buffer(base), CLOCK), "the plain body is read in one pass");
        assertEquals(parser.parseTree(Buffer.buffer(base)), parser.parse(Buffer.buffer(base)));
        assertEquals(
                "C-2",
                parser.parse(Buffer.buffer(bodies.get(2))).candidateId(),
                "the last of a repeated field, as the tree");
        assertEquals(
                new JsonObject(base).getJsonObject("qualification").getString("code"),
                parser.parse(Buffer.buffer(base)).qualification().code());
    }

    /** How a body was read: in one pass, refused by the tree (and so left to it), or left to the tree. */
    private enum Way {
        ONE_PASS,
        REFUSED_BY_THE_TREE,
        LEFT_TO_THE_TREE
    }

    /** Reads the body both ways: a body read in one pass reads as the tree reads it; one the tree refuses is left to it. */
    private Way readAlikeOrLeftToTheTree(Buffer body, java.util.function.Supplier<String> shown) {
        FeedbackRequest plain = PlainRequestReader.read(body, CLOCK);
        FeedbackRequest tree;
        try {
            tree = parser.parseTree(body);
        } catch (ApiError refused) {
            assertNull(plain, () -> "a body the tree refuses is left to it: " + shown.get());
            return Way.REFUSED_BY_THE_TREE;
        }
        if (plain == null) {
            return Way.LEFT_TO_THE_TREE;
        }
        assertEquals(tree, plain, shown);
        return Way.ONE_PASS;
    }
}
