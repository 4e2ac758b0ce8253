package kr.qfeedback.http;

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
        for (FeedbackRequest generated : CohortGenerator.list(reference, 77L, 20_000)) {
            Buffer body = RequestJson.toJson(generated).toBuffer();
            FeedbackRequest plain = PlainRequestReader.read(body, CLOCK);
            assertNotNull(plain, body.toString());
            assertEquals(parser.parseTree(body), plain, body.toString());
        }
    }

    @Test
    void theOnePassParserReadsWithTheFeaturesAndLimitsOfVertxsOwn() throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonParser vertx = io.vertx.core.json.jackson.JacksonCodec.createParser(Buffer.buffer("{}"));
             com.fasterxml.jackson.core.JsonParser plain = PlainRequestReader.FACTORY.createParser("{}".getBytes())) {
            for (com.fasterxml.jackson.core.JsonParser.Feature feature : com.fasterxml.jackson.core.JsonParser.Feature.values()) {
                assertEquals(vertx.isEnabled(feature), plain.isEnabled(feature), feature.name());
            }
            assertEquals(vertx.streamReadConstraints().getMaxNestingDepth(), plain.streamReadConstraints().getMaxNestingDepth());
            assertEquals(vertx.streamReadConstraints().getMaxStringLength(), plain.streamReadConstraints().getMaxStringLength());
            assertEquals(vertx.streamReadConstraints().getMaxNumberLength(), plain.streamReadConstraints().getMaxNumberLength());
            assertEquals(vertx.streamReadConstraints().getMaxDocumentLength(), plain.streamReadConstraints().getMaxDocumentLength());
        }
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
            Buffer body = Buffer.buffer(text);
            FeedbackRequest plain = PlainRequestReader.read(body, CLOCK);
            FeedbackRequest tree;
            try {
                tree = parser.parseTree(body);
            } catch (ApiError refused) {
                assertNull(plain, "a body the tree refuses is left to it: " + text);
                continue;
            }
            if (plain != null) {
                assertEquals(tree, plain, text);
            }
        }
        assertNotNull(PlainRequestReader.read(Buffer.buffer(base), CLOCK), "the plain body is read in one pass");
        assertEquals(parser.parseTree(Buffer.buffer(base)), parser.parse(Buffer.buffer(base)));
        assertEquals("C-2", parser.parse(Buffer.buffer(bodies.get(2))).candidateId(), "the last of a repeated field, as the tree");
        assertEquals(new JsonObject(base).getJsonObject("qualification").getString("code"),
                parser.parse(Buffer.buffer(base)).qualification().code());
    }
}
