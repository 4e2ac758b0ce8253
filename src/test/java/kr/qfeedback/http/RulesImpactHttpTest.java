package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.assertError;
import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /v1/rules/impact on the real service: a generated cohort decided with the active and a candidate version. */
class RulesImpactHttpTest {
    /** The tests only validate or measure, which changes nothing, so they share one server. */
    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle();

    private static String active;

    @BeforeAll
    static void readTheActiveVersion() {
        active = server.activeId();
    }

    @Test
    void raisingTheYouthAgeTo39ShowsTheDiscountToMoreFailedCandidatesAndNothingElseChanges() {
        byte[] parameters = ShippedRules.textWith("parameters.yaml", "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39");

        long started = System.nanoTime();
        HttpResponse<String> response = server.upload(
                "/v1/rules/impact?size=20000&seed=7",
                LiveServer.AUTHOR_TOKEN,
                Part.file("parameters.yaml", parameters));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(200, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals(true, body.getBoolean("valid"), body::encodePrettily);
        JsonObject impact = body.getJsonObject("impact");
        System.out.printf(
                "impact of 청년 할인 최대 나이 39 on 20 000 candidates: %.1f s over HTTP, %d ms analysing, %d affected%n",
                seconds, impact.getLong("millis"), impact.getInteger("candidatesAffected"));
        assertEquals(active, impact.getString("activeVersion"));
        assertEquals(body.getString("version"), impact.getString("candidateVersion"));
        assertEquals(20_000, impact.getInteger("candidates"));

        List<JsonObject> changes = impact.getJsonArray("changes").stream()
                .map(JsonObject.class::cast)
                .toList();
        assertFalse(changes.isEmpty(), impact::encodePrettily);
        for (JsonObject c : changes) {
            assertEquals(
                    "YOUTH_FEE_DISCOUNT", c.getString("section"), () -> "only the discount changes: " + c.encode());
            assertTrue(c.getString("outcome").endsWith("_FAIL"), c::encode);
            assertEquals(0, c.getInteger("noLongerShown"), c::encode);
            // Those who saw the discount before now read 39 instead of 34 (body and the maxAge data).
            JsonObject parts = c.getJsonObject("differences");
            assertEquals(c.getInteger("shownDifferently"), parts.getInteger("body"), c::encode);
            assertEquals(c.getInteger("shownDifferently"), parts.getInteger("data"), c::encode);
            assertEquals(
                    0,
                    parts.getInteger("title")
                            + parts.getInteger("order")
                            + parts.getInteger("tone")
                            + parts.getInteger("links"),
                    c::encode);
            JsonArray examples = c.getJsonArray("examples");
            assertTrue(examples.size() >= 1 && examples.size() <= 3, c::encode);
            assertTrue(examples.stream().allMatch(e -> e instanceof String s && !s.isBlank()), c::encode);
        }
        Map<String, Integer> newly = changes.stream()
                .collect(Collectors.toMap(c -> c.getString("outcome"), c -> c.getInteger("newlyShown")));
        assertTrue(newly.containsKey("WRITTEN_FAIL") && newly.containsKey("PRACTICAL_FAIL"), newly::toString);
        // Counted independently on the same cohort by youth age (asOf year − 1 − birth year): failers
        // aged 35 to 39 newly see the discount, those of 34 or under read a different maximum age.
        int[] ages = youthAgesOfFailers(7, 20_000);
        long newlyExpected = java.util.Arrays.stream(ages)
                .filter(age -> age >= 35 && age <= 39)
                .count();
        long differentlyExpected =
                java.util.Arrays.stream(ages).filter(age -> age <= 34).count();
        assertEquals(
                newlyExpected,
                newly.values().stream().mapToInt(Integer::intValue).sum(),
                "failers aged 35 to 39");
        assertEquals(
                differentlyExpected,
                changes.stream().mapToInt(c -> c.getInteger("shownDifferently")).sum(),
                "failers of 34 or under");
        assertEquals(
                newlyExpected + differentlyExpected,
                impact.getInteger("candidatesAffected").longValue(),
                "each affected candidate sees exactly one section change");
        assertEquals(active, server.activeId(), "the active version does not change");
    }

    @Test
    void withoutASizeTheCohortHasOneHundredThousandCandidates() {
        byte[] parameters = ShippedRules.textWith("parameters.yaml", "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39");

        long started = System.nanoTime();
        HttpResponse<String> response =
                server.upload("/v1/rules/impact", LiveServer.AUTHOR_TOKEN, Part.file("parameters.yaml", parameters));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(200, response.statusCode(), response::body);
        JsonObject impact = json(response).getJsonObject("impact");
        System.out.printf(
                "impact with the default cohort: %d candidates, %.1f s over HTTP, %d ms analysing, %d affected%n",
                impact.getInteger("candidates"),
                seconds,
                impact.getLong("millis"),
                impact.getInteger("candidatesAffected"));
        assertEquals(RulesApi.DEFAULT_IMPACT_SIZE, impact.getInteger("candidates"));
        assertEquals(100_000, impact.getInteger("candidates"));
        long expected = java.util.Arrays.stream(youthAgesOfFailers(1, 100_000))
                .filter(age -> age <= 39)
                .count();
        assertEquals(
                expected,
                impact.getInteger("candidatesAffected").longValue(),
                "failers aged 39 or under in the default cohort (seed 1)");
    }

    @Test
    void aTextOnlyEditCountsEveryCandidateWhosePageTextChanges() {
        byte[] messages = ShippedRules.textWith(
                RulesPublishHttpTest.MESSAGES,
                RulesPublishHttpTest.SHIPPED_TITLE,
                "\"{qualificationName} 필기시험에 합격했습니다\"");

        HttpResponse<String> response = server.upload(
                "/v1/rules/impact?size=5000&seed=7",
                LiveServer.AUTHOR_TOKEN,
                Part.file(RulesPublishHttpTest.MESSAGES, messages));

        assertEquals(200, response.statusCode(), response::body);
        JsonObject impact = json(response).getJsonObject("impact");
        // Counted independently: every written passer of the cohort reads the written-pass title.
        long writtenPassers = kr.qfeedback.cohort.CohortGenerator.list(
                        kr.qfeedback.reference.ReferenceCatalogue.load(java.nio.file.Path.of("rules", "reference")),
                        kr.qfeedback.rules.ShippedParameters.get(),
                        7,
                        5_000)
                .stream()
                .filter(r -> r.exam().outcome().code().equals("WRITTEN_PASS"))
                .count();
        assertTrue(writtenPassers > 0);
        assertEquals(writtenPassers, impact.getInteger("candidatesAffected").longValue(), impact::encodePrettily);
        List<JsonObject> changes = impact.getJsonArray("changes").stream()
                .map(JsonObject.class::cast)
                .toList();
        assertEquals(1, changes.size(), impact::encodePrettily);
        JsonObject change = changes.get(0);
        assertEquals("WRITTEN_PASS", change.getString("outcome"));
        assertEquals("RESULT_SUMMARY", change.getString("section"));
        assertEquals(writtenPassers, change.getInteger("shownDifferently").longValue());
        JsonObject parts = change.getJsonObject("differences");
        assertEquals(writtenPassers, parts.getInteger("title").longValue(), parts::encode);
        for (String unchanged : List.of("order", "tone", "body", "data", "links")) {
            assertEquals(0, parts.getInteger(unchanged), unchanged + " in " + parts.encode());
        }
    }

    /**
     * A text outside the sections (a reminder, a notice, the SMS) changes what candidates read: impact
     * counts exactly the candidates whose whole answers differ when the same cohort is decided under
     * both versions here, and reports them under that part of the page (a reminder's text also
     * under the text messages, as the LMS lists the reminders), with examples naming it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "REMINDERS|시험 기간 시작({examDate})|시험 시작일({examDate})|REMINDERS NOTIFICATIONS",
                "NOTICES|다음 일정 안내를 생략했습니다.|다음 일정 안내를 싣지 않았습니다.|NOTICES",
                "NOTIFICATIONS|SMS: \"Q-Net: [|SMS: \"QNET: [|NOTIFICATIONS"
            })
    void anEditOfATextOutsideTheSectionsCountsEveryCandidateWhoseAnswerChanges(
            String part, String from, String to, String partsThatChange) throws Exception {
        List<String> changing = List.of(partsThatChange.split(" "));
        byte[] messages = ShippedRules.textWith(RulesPublishHttpTest.MESSAGES, from, to);
        HttpResponse<String> response = server.upload(
                "/v1/rules/impact?size=2000&seed=5",
                LiveServer.AUTHOR_TOKEN,
                Part.file(RulesPublishHttpTest.MESSAGES, messages));
        assertEquals(200, response.statusCode(), response::body);
        JsonObject impact = json(response).getJsonObject("impact");

        // Counted independently: the same cohort decided under both versions, whole answers compared.
        java.nio.file.Path copy = java.nio.file.Files.createTempDirectory("qf-impact-part");
        ShippedRules.copyInto(copy);
        ShippedRules.write(copy.resolve(RulesPublishHttpTest.MESSAGES), messages);
        kr.qfeedback.rules.RuleSet edited = ShippedRules.compile(copy);
        kr.qfeedback.rules.RuleSet shipped = ShippedRules.compiled();
        kr.qfeedback.decision.FeedbackDecider decider = new kr.qfeedback.decision.FeedbackDecider();
        long differ = kr.qfeedback.cohort.CohortGenerator.list(
                        kr.qfeedback.reference.ReferenceCatalogue.load(java.nio.file.Path.of("rules", "reference")),
                        kr.qfeedback.rules.ShippedParameters.get(),
                        5,
                        2_000)
                .stream()
                .filter(r -> !answer(decider.decide(r, shipped)).equals(answer(decider.decide(r, edited))))
                .count();
        assertTrue(differ > 0, "the edit changes someone's answer");
        assertEquals(differ, impact.getInteger("candidatesAffected").longValue(), impact::encodePrettily);
        List<JsonObject> changes = impact.getJsonArray("changes").stream()
                .map(JsonObject.class::cast)
                .toList();
        assertFalse(changes.isEmpty());
        long counted = 0;
        for (JsonObject change : changes) {
            assertTrue(changing.contains(change.getString("section")), change::encode);
            assertEquals(0, change.getInteger("newlyShown") + change.getInteger("noLongerShown"), change::encode);
            assertEquals(
                    change.getInteger("shownDifferently"),
                    change.getJsonObject("differences").getInteger("body"),
                    change::encode);
            counted += part.equals(change.getString("section")) ? change.getInteger("shownDifferently") : 0;
        }
        assertEquals(differ, counted, "each affected candidate counted once under the part edited");
        for (Object o : impact.getJsonArray("pages")) {
            JsonArray differences = ((JsonObject) o).getJsonArray("differences");
            assertEquals(
                    changing,
                    differences.stream()
                            .map(d -> ((JsonObject) d).getString("section"))
                            .toList(),
                    differences::encode);
            differences.forEach(d -> assertEquals("body", ((JsonObject) d).getString("part"), differences::encode));
        }
    }

    /** A decision's answer as the API writes it, without what differs for every decision (its id, the version). */
    private static JsonObject answer(kr.qfeedback.feedback.FeedbackDecision decision) {
        JsonObject answer =
                kr.qfeedback.wire.DecisionJson.toBuffer(decision, false).toJsonObject();
        answer.remove("decisionId");
        answer.remove("rulesVersion");
        return answer;
    }

    @Test
    void aTextOnlyEditGivesExamplesWhoseWholePagesBeforeAndAfterDifferInThatTextAlone() {
        byte[] messages = ShippedRules.textWith(
                RulesPublishHttpTest.MESSAGES,
                RulesPublishHttpTest.SHIPPED_TITLE,
                "\"{qualificationName} 필기시험에 합격했습니다\"");

        HttpResponse<String> response = server.upload(
                "/v1/rules/impact?size=3000&seed=11",
                LiveServer.AUTHOR_TOKEN,
                Part.file(RulesPublishHttpTest.MESSAGES, messages));

        assertEquals(200, response.statusCode(), response::body);
        JsonObject body = json(response);
        JsonObject impact = body.getJsonObject("impact");
        JsonObject change = impact.getJsonArray("changes").getJsonObject(0);
        JsonArray samples = change.getJsonArray("samples");
        assertTrue(samples.size() >= 1 && samples.size() <= 3, change::encode);
        Map<Long, JsonObject> pages = impact.getJsonArray("pages").stream()
                .map(JsonObject.class::cast)
                .collect(Collectors.toMap(p -> p.getLong("line"), p -> p));
        assertEquals(samples.size(), pages.size(), "one page per example, nothing more");
        for (Object o : samples) {
            JsonObject sample = (JsonObject) o;
            assertEquals("SHOWN_DIFFERENTLY", sample.getString("kind"));
            JsonObject page = pages.get(sample.getLong("line"));
            assertEquals(sample.getString("candidateId"), page.getString("candidateId"));
            JsonObject before = page.getJsonObject("before");
            JsonObject after = page.getJsonObject("after");
            assertEquals(active, before.getString("rulesVersion"));
            assertEquals(body.getString("version"), after.getString("rulesVersion"));
            assertEquals("WRITTEN_PASS", before.getString("outcome"));
            String oldTitle = LiveServer.section(before, "RESULT_SUMMARY").getString("title");
            String newTitle = LiveServer.section(after, "RESULT_SUMMARY").getString("title");
            assertTrue(oldTitle.endsWith("필기시험에 합격하셨습니다"), oldTitle);
            assertEquals(oldTitle.replace("합격하셨습니다", "합격했습니다"), newTitle);
            assertEquals(
                    new JsonArray()
                            .add(new JsonObject()
                                    .put("section", "RESULT_SUMMARY")
                                    .put("part", "title")
                                    .put("before", oldTitle)
                                    .put("after", newTitle)),
                    page.getJsonArray("differences"));
            // Apart from that title (and the decision's own id and version) the two answers are the same.
            for (JsonObject decision : List.of(before, after)) {
                decision.remove("decisionId");
                decision.remove("rulesVersion");
                LiveServer.section(decision, "RESULT_SUMMARY").remove("title");
            }
            assertEquals(before, after);
        }
    }

    @Test
    void theSameCandidateAsTheActiveVersionChangesNothing() {
        HttpResponse<String> response = server.upload(
                "/v1/rules/impact?size=2000&seed=7",
                LiveServer.AUTHOR_TOKEN,
                Part.file("parameters.yaml", ShippedRules.bytes("parameters.yaml")));

        JsonObject impact = json(response).getJsonObject("impact");
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(active, impact.getString("candidateVersion"));
        assertEquals(0, impact.getInteger("candidatesAffected"));
        assertEquals(List.of(), impact.getJsonArray("changes").getList());
    }

    @Test
    void aCandidateThatDoesNotCompileIsReportedWithItsProblemsAndNoImpact() {
        byte[] table = ShippedRules.tableWith(sheet -> ShippedRules.type(sheet, "H23", "60점"));

        HttpResponse<String> response = server.upload(
                "/v1/rules/impact?size=1000", LiveServer.AUTHOR_TOKEN, Part.file("sections.drl.xlsx", table));

        assertEquals(200, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals(false, body.getBoolean("valid"));
        assertNull(body.getValue("impact"));
        assertEquals(23, body.getJsonArray("problems").getJsonObject(0).getInteger("row"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"size=0, size", "size=100001, size", "size=many, size", "seed=-1, seed", "seed=x, seed"})
    void aSizeOrSeedOutOfRangeIs400NamingIt(String query, String field) {
        HttpResponse<String> response = server.upload(
                "/v1/rules/impact?" + query,
                LiveServer.AUTHOR_TOKEN,
                Part.file("parameters.yaml", ShippedRules.bytes("parameters.yaml")));

        assertError(response, 400, "INVALID_REQUEST", field);
    }

    /** The youth ages (asOf year − 1 − birth year) of the failers with a birth date in a generated cohort. */
    private static int[] youthAgesOfFailers(long seed, int size) {
        return kr.qfeedback.cohort.CohortGenerator.list(
                        kr.qfeedback.reference.ReferenceCatalogue.load(java.nio.file.Path.of("rules", "reference")),
                        kr.qfeedback.rules.ShippedParameters.get(),
                        seed,
                        size)
                .stream()
                .filter(r -> r.exam().result() == kr.qfeedback.feedback.ExamResult.FAIL
                        && r.candidate().birthDate() != null)
                .mapToInt(
                        r -> r.asOf().getYear() - 1 - r.candidate().birthDate().getYear())
                .toArray();
    }
}
