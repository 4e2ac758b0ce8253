package kr.qfeedback.http;

import static kr.qfeedback.testing.ExampleRequests.example;
import static kr.qfeedback.testing.ExampleRequests.with;
import static kr.qfeedback.testing.ExampleRequests.without;
import static kr.qfeedback.testing.LiveServer.decision;
import static kr.qfeedback.testing.LiveServer.section;
import static kr.qfeedback.testing.LiveServer.sections;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Successful decisions over real HTTP with the shipped rules: the response shape of the contract,
 * the section catalogue's data fields, {@code trace} with {@code ?explain=true}, the default
 * {@code asOf}, unknown qualification codes and determinism.
 */
class FeedbackDecisionsHttpTest {
    /** 2026-03-10 15:30 UTC is already 2026-03-11 00:30 in Seoul. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), ZoneOffset.UTC);

    /** The contract's section catalogue: the data fields other tools read, per section. */
    private static final Map<String, List<String>> CATALOGUE = Map.ofEntries(
            Map.entry("RESULT_SUMMARY", List.of("result", "stage", "finalPass")),
            Map.entry("SCORE_BREAKDOWN", List.of("subjects", "average")),
            Map.entry("PASS_CRITERIA", List.of("subjectMinimum", "averageMinimum", "shortfall", "failedSubjects")),
            Map.entry("WEAK_SUBJECTS", List.of("subjects")),
            Map.entry("PASSER_COMPARISON", List.of("passerAverage", "topPercent")),
            Map.entry("PASS_RATE_TREND", List.of("stage", "years")),
            Map.entry("PREP_PERIOD", List.of()),
            Map.entry(
                    "WRITTEN_EXEMPTION",
                    List.of("validFrom", "validUntil", "daysRemaining", "status", "practicalRoundsLeft")),
            Map.entry("ELIGIBILITY_DOCUMENTS", List.of("deadline")),
            Map.entry("NEXT_EXAM_SCHEDULE", List.of("stage", "registrationStart", "registrationEnd", "examDate")),
            Map.entry("REAPPLY", List.of()),
            Map.entry("LEARNING_RESOURCES", List.of()),
            Map.entry("TRAINING", List.of()),
            Map.entry("CERTIFICATE_ISSUE", List.of()),
            Map.entry("RELATED_QUALIFICATIONS", List.of()),
            Map.entry("JOBS", List.of()),
            Map.entry("YOUTH_FEE_DISCOUNT", List.of("maxAge")),
            Map.entry("SURVEY", List.of()));

    private static final Set<String> TONES = Set.of("SUCCESS", "FAILURE", "WARNING", "INFO");
    private static final Pattern TRACE_SOURCE = Pattern.compile("rules/\\S+:(row|line) \\d+");

    @RegisterExtension
    static final LiveServer server = LiveServer.withShippedRules().clock(CLOCK);

    private static final RuleSet rules = LiveServer.shippedRules();

    private static JsonObject decide(JsonObject request) {
        return decision(server.postFeedback(request.encode()));
    }

    private static JsonObject explain(JsonObject request) {
        return decision(server.post(
                "/v1/feedback?explain=true", LiveServer.DECIDE_TOKEN, "application/json", request.encode()));
    }

    private static List<String> ids(JsonObject decision) {
        return sections(decision).stream()
                .map(o -> ((JsonObject) o).getString("id"))
                .collect(Collectors.toList());
    }

    // ---- scenarios over the outcomes -------------------------------------------------------------

    static JsonObject writtenFailWithACutoffSubject() {
        JsonObject r = with(example(), "exam.result", "FAIL");
        r = with(r, "exam.totalScore", 58.0);
        return with(
                r,
                "exam.subjects",
                new JsonArray()
                        .add(new JsonObject().put("name", "소프트웨어설계").put("score", 75))
                        .add(new JsonObject().put("name", "데이터베이스구축").put("score", 35))
                        .add(new JsonObject().put("name", "프로그래밍언어활용").put("score", 64)));
    }

    static JsonObject practical(String result, Double score) {
        JsonObject r = with(example(), "exam.stage", "PRACTICAL");
        r = with(r, "exam.examDate", "2026-04-18");
        r = with(r, "exam.announcedOn", "2026-06-05");
        r = with(r, "asOf", "2026-06-05");
        r = with(r, "exam.result", result);
        r = with(r, "exam.totalScore", score);
        r = with(r, "candidate.writtenPassAnnouncedOn", "2026-03-11");
        return with(
                r,
                "exam.subjects",
                score == null
                        ? new JsonArray()
                        : new JsonArray()
                                .add(new JsonObject().put("name", "정보처리 실무").put("score", score)));
    }

    static JsonObject writtenAbsent() {
        JsonObject r = with(without(example(), "exam.totalScore"), "exam.result", "ABSENT");
        return with(r, "exam.subjects", new JsonArray());
    }

    static JsonObject unknownQualification() {
        return with(with(example(), "qualification.code", "9999"), "qualification.name", "어느 신설 자격");
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("WRITTEN_PASS", example()),
                Arguments.of("WRITTEN_FAIL", writtenFailWithACutoffSubject()),
                Arguments.of("WRITTEN_ABSENT", writtenAbsent()),
                Arguments.of("PRACTICAL_PASS", practical("PASS", 75.0)),
                Arguments.of("PRACTICAL_FAIL", practical("FAIL", 52.5)),
                Arguments.of("PRACTICAL_ABSENT", practical("ABSENT", null)),
                Arguments.of("WRITTEN_PASS", unknownQualification()),
                Arguments.of("WRITTEN_PASS", without(example(), "candidate")));
    }

    // ---- the response shape -------------------------------------------------------------------

    @Test
    void theContractExampleIsAWrittenPassWithTheRequestedAsOfAndTheActiveRulesVersion() {
        JsonObject decision = decide(example());
        assertEquals("WRITTEN_PASS", decision.getString("outcome"));
        assertEquals("2026-03-11", decision.getString("asOf"));
        assertEquals(rules.version(), decision.getString("rulesVersion"));
        assertFalse(decision.getString("decisionId", "").isBlank(), "decisionId must be set");
        assertNotNull(decision.getJsonArray("notices"), "notices is always an array");
        assertFalse(decision.containsKey("trace"), "trace only with ?explain=true: " + decision.fieldNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sectionsAreSortedByOrderWithEachIdAtMostOnce(String outcome, JsonObject request) {
        JsonObject decision = decide(request);
        assertEquals(outcome, decision.getString("outcome"));
        JsonArray sections = sections(decision);
        assertFalse(sections.isEmpty(), "every outcome shows at least RESULT_SUMMARY");
        int previous = Integer.MIN_VALUE;
        Set<String> seen = new HashSet<>();
        for (Object o : sections) {
            JsonObject s = (JsonObject) o;
            int order = s.getInteger("order");
            assertTrue(order >= previous, () -> "sections must be sorted by order: " + ids(decision));
            previous = order;
            assertTrue(seen.add(s.getString("id")), () -> "section id repeated: " + ids(decision));
        }
        assertEquals(
                "RESULT_SUMMARY",
                sections.getJsonObject(0).getString("id"),
                () -> "the summary comes first: " + ids(decision));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everySectionHasIdOrderToneTitleBodyDataAndLinks(String outcome, JsonObject request) {
        for (Object o : sections(decide(request))) {
            JsonObject s = (JsonObject) o;
            assertEquals(Set.of("id", "order", "tone", "title", "body", "data", "links"), s.fieldNames(), s::encode);
            assertTrue(CATALOGUE.containsKey(s.getString("id")), () -> "not a catalogue id: " + s.getString("id"));
            assertTrue(s.getValue("order") instanceof Integer, s::encode);
            assertTrue(TONES.contains(s.getString("tone")), () -> "tone: " + s.getString("tone"));
            assertFalse(s.getString("title").isBlank(), s::encode);
            assertFalse(s.getString("body").isBlank(), s::encode);
            assertFalse(
                    s.getString("title").contains("{") || s.getString("body").contains("{"),
                    () -> "an unfilled placeholder: " + s.encode());
            assertNotNull(s.getJsonObject("data"), s::encode);
            for (Object l : s.getJsonArray("links")) {
                JsonObject link = (JsonObject) l;
                assertEquals(Set.of("label", "url", "qr"), link.fieldNames(), link::encode);
                assertFalse(link.getString("label").isBlank(), link::encode);
                assertTrue(link.getString("url").startsWith("http"), link::encode);
                assertTrue(link.getValue("qr") instanceof Boolean, link::encode);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyCatalogueDataFieldIsPresentInEveryShownSectionEvenWhenNull(String outcome, JsonObject request) {
        for (Object o : sections(decide(request))) {
            JsonObject s = (JsonObject) o;
            JsonObject data = s.getJsonObject("data");
            for (String field : CATALOGUE.get(s.getString("id"))) {
                assertTrue(data.containsKey(field), () -> s.getString("id") + ".data lacks '" + field + "': " + data);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void explainAddsOneTraceEntryWithFileAndRowForEveryShownSection(String outcome, JsonObject request) {
        JsonObject decision = explain(request);
        JsonArray trace = decision.getJsonArray("trace");
        assertNotNull(trace, "?explain=true must add trace");
        Set<String> shown = new HashSet<>(ids(decision));
        Set<String> traced = new HashSet<>();
        for (Object o : trace) {
            JsonObject t = (JsonObject) o;
            assertEquals(Set.of("section", "rule", "source"), t.fieldNames(), t::encode);
            assertTrue(shown.contains(t.getString("section")), () -> "trace names a section not shown: " + t.encode());
            assertFalse(t.getString("rule").isBlank(), t::encode);
            assertTrue(
                    TRACE_SOURCE.matcher(t.getString("source")).matches(),
                    () -> "source must be 'rules/FILE:row N' or ':line N': " + t.encode());
            traced.add(t.getString("section"));
        }
        assertEquals(shown, traced, "every shown section is traced");
    }

    @Test
    void traceIsLeftOutWithoutExplainOrWithExplainFalse() {
        assertFalse(decide(example()).containsKey("trace"));
        JsonObject decision = decision(server.post(
                "/v1/feedback?explain=false",
                LiveServer.DECIDE_TOKEN,
                "application/json",
                example().encode()));
        assertFalse(decision.containsKey("trace"));
    }

    @Test
    void explainChangesNothingButTheTrace() {
        JsonObject plain = decide(example());
        JsonObject explained = explain(example());
        assertEquals(plain.getJsonArray("sections"), explained.getJsonArray("sections"));
        assertEquals(plain.getJsonArray("notices"), explained.getJsonArray("notices"));
    }

    // ---- what the example shows -------------------------------------------------------------

    @Test
    void aWrittenPassForAKnownEngineerQualificationShowsTheExemptionWindow() {
        JsonObject exemption = section(decide(example()), "WRITTEN_EXEMPTION");
        assertNotNull(exemption, "a WRITTEN_PASS always shows WRITTEN_EXEMPTION");
        JsonObject data = exemption.getJsonObject("data");
        // A new written pass opens a new window from this exam's announcement, whatever the older
        // candidate.writtenPassAnnouncedOn (2025-06-13) says, and lasts two years (시행령 21조①).
        assertEquals("2026-03-11", data.getString("validFrom"));
        assertEquals("2028-03-10", data.getString("validUntil"));
        assertEquals(
                ChronoUnit.DAYS.between(LocalDate.of(2026, 3, 11), LocalDate.of(2028, 3, 10)),
                data.getLong("daysRemaining"));
        assertEquals("ACTIVE", data.getString("status"));
        assertNotNull(data.getInteger("practicalRoundsLeft"), "1320 has a known schedule, so rounds left are counted");
    }

    @Test
    void aWrittenPassWithoutAnEarlierWrittenPassStartsTheExemptionOnItsOwnAnnouncement() {
        JsonObject data = section(decide(without(example(), "candidate.writtenPassAnnouncedOn")), "WRITTEN_EXEMPTION")
                .getJsonObject("data");
        assertEquals("2026-03-11", data.getString("validFrom"));
        assertEquals("2028-03-10", data.getString("validUntil"));
        assertEquals("ACTIVE", data.getString("status"));
    }

    @Test
    void anExemptionWithinNinetyDaysOfItsEndIsExpiringAndOnePastItIsExpired() {
        JsonObject expiring = section(
                        decide(with(
                                with(example(), "candidate.eligibilityDocuments", "SUBMITTED"), "asOf", "2028-02-19")),
                        "WRITTEN_EXEMPTION")
                .getJsonObject("data");
        assertEquals("2028-03-10", expiring.getString("validUntil"));
        assertEquals(20, expiring.getLong("daysRemaining"));
        assertEquals("EXPIRING", expiring.getString("status"));

        JsonObject expired = section(
                        decide(with(
                                with(example(), "candidate.eligibilityDocuments", "SUBMITTED"), "asOf", "2028-03-11")),
                        "WRITTEN_EXEMPTION")
                .getJsonObject("data");
        assertTrue(expired.getLong("daysRemaining") < 0, expired::encode);
        assertEquals("EXPIRED", expired.getString("status"));
    }

    @Test
    void theWrittenPassSummaryReportsResultStageAndNoFinalPass() {
        JsonObject data = section(decide(example()), "RESULT_SUMMARY").getJsonObject("data");
        assertEquals("PASS", data.getString("result"));
        assertEquals("WRITTEN", data.getString("stage"));
        assertEquals(Boolean.FALSE, data.getBoolean("finalPass"));
    }

    @Test
    void anEngineerWithDocumentsNotSubmittedIsShownTheDocumentDeadlineOfTheRound() {
        // 1320 round 제1회: written pass announced 2026-03-11, documents due by 2026-03-20.
        JsonObject request = without(example(), "candidate.writtenPassAnnouncedOn");
        JsonObject documents = section(decide(request), "ELIGIBILITY_DOCUMENTS");
        assertNotNull(documents, "ENGINEER + NOT_SUBMITTED shows ELIGIBILITY_DOCUMENTS");
        assertEquals("2026-03-20", documents.getJsonObject("data").getString("deadline"));
    }

    @Test
    void anEngineerWhoSubmittedTheDocumentsIsNotAskedForThem() {
        assertNotNull(section(decide(example()), "ELIGIBILITY_DOCUMENTS"));
        assertNull(section(
                decide(with(example(), "candidate.eligibilityDocuments", "SUBMITTED")), "ELIGIBILITY_DOCUMENTS"));
        assertNull(section(
                decide(with(example(), "candidate.eligibilityDocuments", "NOT_REQUIRED")), "ELIGIBILITY_DOCUMENTS"));
    }

    @Test
    void anEngineerWhoseDocumentStatusIsUnknownIsShownTheWindowToCheck() {
        JsonObject unknown =
                section(decide(without(example(), "candidate.eligibilityDocuments")), "ELIGIBILITY_DOCUMENTS");
        assertNotNull(unknown, "the report asks for 제출 여부 및 제출 기간 when the status is not known");
        assertEquals("2026-01-30", unknown.getJsonObject("data").getString("submissionStart"));
        assertEquals("2026-03-20", unknown.getJsonObject("data").getString("deadline"));
        assertTrue(unknown.getString("body").contains("2026.01.30부터 2026.03.20까지"), unknown::encode);
    }

    @Test
    void aWrittenPassPointsToTheNextPracticalRegistration() {
        JsonObject data = section(decide(example()), "NEXT_EXAM_SCHEDULE").getJsonObject("data");
        assertEquals("PRACTICAL", data.getString("stage"));
        assertEquals("2026-03-23", data.getString("registrationStart"));
        assertEquals("2026-03-26", data.getString("registrationEnd"));
    }

    @Test
    void aWrittenPassShowsThePracticalPassRatesByYearInOrder() {
        JsonObject data = section(decide(example()), "PASS_RATE_TREND").getJsonObject("data");
        JsonArray years = data.getJsonArray("years");
        assertFalse(years.isEmpty(), data::encode);
        int previous = 0;
        for (Object o : years) {
            JsonObject y = (JsonObject) o;
            assertTrue(y.getInteger("year") > previous, data::encode);
            previous = y.getInteger("year");
            assertNotNull(y.getValue("passRate"), data::encode);
        }
    }

    @Test
    void aWrittenFailWithASubjectUnderFortyShowsTheCutoffSubjectAndTheWeakestFirst() {
        JsonObject decision = decide(writtenFailWithACutoffSubject());
        JsonObject criteria = section(decision, "PASS_CRITERIA").getJsonObject("data");
        assertEquals(40, criteria.getInteger("subjectMinimum"));
        assertEquals(60, criteria.getInteger("averageMinimum"));
        assertEquals(new JsonArray().add("데이터베이스구축"), criteria.getJsonArray("failedSubjects"));
        JsonArray weakest =
                section(decision, "WEAK_SUBJECTS").getJsonObject("data").getJsonArray("subjects");
        assertEquals("데이터베이스구축", weakest.getValue(0), weakest::encode);
        JsonArray breakdown =
                section(decision, "SCORE_BREAKDOWN").getJsonObject("data").getJsonArray("subjects");
        for (Object o : breakdown) {
            JsonObject s = (JsonObject) o;
            assertEquals(
                    Set.of("name", "score", "belowSubjectMinimum"),
                    s.fieldNames().stream()
                            .filter(Set.of("name", "score", "belowSubjectMinimum")::contains)
                            .collect(Collectors.toSet()),
                    s::encode);
            assertEquals(s.getString("name").equals("데이터베이스구축"), s.getBoolean("belowSubjectMinimum"), s::encode);
        }
        assertNotNull(section(decision, "REAPPLY"));
    }

    @Test
    void aCandidateAgedThirtyFourOrLessWhoFailedIsOfferedTheYouthDiscount() {
        JsonObject youth = section(decide(writtenFailWithACutoffSubject()), "YOUTH_FEE_DISCOUNT");
        assertNotNull(youth, "born 1999, aged 26 on asOf");
        assertEquals(34, youth.getJsonObject("data").getInteger("maxAge"));
        assertNull(section(
                decide(with(writtenFailWithACutoffSubject(), "candidate.birthDate", "1980-01-01")),
                "YOUTH_FEE_DISCOUNT"));
    }

    @Test
    void aPracticalPassIsAFinalPassWithTheCertificateButNoCriteria() {
        JsonObject decision = decide(practical("PASS", 75.0));
        assertEquals("PRACTICAL_PASS", decision.getString("outcome"));
        assertEquals(
                Boolean.TRUE,
                section(decision, "RESULT_SUMMARY").getJsonObject("data").getBoolean("finalPass"));
        assertNotNull(section(decision, "CERTIFICATE_ISSUE"));
        assertNull(section(decision, "PASS_CRITERIA"));
        assertNull(section(decision, "WRITTEN_EXEMPTION"));
    }

    // ---- ABSENT, unknown code, defaults -----------------------------------------------------

    @Test
    void anAbsenceWithoutTotalScoreIsDecidedWithoutScoreSections() {
        JsonObject decision = decide(writtenAbsent());
        assertEquals("WRITTEN_ABSENT", decision.getString("outcome"));
        List<String> ids = ids(decision);
        assertTrue(ids.contains("RESULT_SUMMARY"), ids::toString);
        assertTrue(ids.contains("REAPPLY"), ids::toString);
        assertFalse(ids.contains("SCORE_BREAKDOWN"), ids::toString);
        assertFalse(ids.contains("PASS_CRITERIA"), ids::toString);
        assertEquals(
                "ABSENT",
                section(decision, "RESULT_SUMMARY").getJsonObject("data").getString("result"));
    }

    @Test
    void anAbsenceWithAnExplicitNullTotalScoreAndNoSubjectsIsDecidedLikeAnOmittedOne() {
        JsonObject omitted = decide(writtenAbsent());
        JsonObject explicitNull = decide(without(with(writtenAbsent(), "exam.totalScore", null), "exam.subjects"));
        assertEquals(omitted.getJsonArray("sections"), explicitNull.getJsonArray("sections"));
    }

    @Test
    void anUnknownQualificationCodeIsDecidedWithANoticeAndWithoutStatisticsSections() {
        JsonObject decision = decide(unknownQualification());
        assertEquals("WRITTEN_PASS", decision.getString("outcome"));
        List<String> notices = decision.getJsonArray("notices").stream()
                .map(o -> ((JsonObject) o).getString("code"))
                .toList();
        assertTrue(notices.contains("UNKNOWN_QUALIFICATION"), notices::toString);
        JsonObject notice = decision.getJsonArray("notices").stream()
                .map(o -> (JsonObject) o)
                .filter(n -> n.getString("code").equals("UNKNOWN_QUALIFICATION"))
                .findFirst()
                .orElseThrow();
        assertTrue(notice.getString("message").contains("9999"), notice::encode);
        List<String> ids = ids(decision);
        assertFalse(ids.contains("PASS_RATE_TREND"), ids::toString);
        assertFalse(ids.contains("PASSER_COMPARISON"), ids::toString);
        assertFalse(ids.contains("PREP_PERIOD"), ids::toString);
        assertTrue(ids.contains("RESULT_SUMMARY") && ids.contains("WRITTEN_EXEMPTION"), ids::toString);
    }

    @Test
    void anUnknownQualificationCodeWithoutANameIsStillDecided() {
        JsonObject decision = decide(without(unknownQualification(), "qualification.name"));
        assertEquals("WRITTEN_PASS", decision.getString("outcome"));
    }

    @Test
    void aKnownCodeNeedsNoNameAndGetsNoNotices() {
        JsonObject decision =
                decide(with(without(example(), "qualification.name"), "candidate.eligibilityDocuments", "SUBMITTED"));
        assertTrue(
                section(decision, "RESULT_SUMMARY").getString("title").contains("정보처리기사"),
                () -> "the name comes from the reference data: "
                        + section(decision, "RESULT_SUMMARY").encode());
        assertEquals(new JsonArray(), decision.getJsonArray("notices"));
    }

    @Test
    void anOmittedAsOfDefaultsToTodayInSeoulNotInUtc() {
        JsonObject decision = decide(without(example(), "asOf"));
        assertEquals(
                "2026-03-11",
                decision.getString("asOf"),
                "the clock is 2026-03-10 UTC but already 2026-03-11 in Seoul");
        assertEquals(
                decide(example()).getJsonArray("sections"),
                decision.getJsonArray("sections"),
                "an omitted asOf decides exactly like asOf = today in Seoul");
    }

    @Test
    void anOmittedCandidateObjectIsNotAnError() {
        JsonObject decision = decide(without(example(), "candidate"));
        assertEquals("WRITTEN_PASS", decision.getString("outcome"));
        assertNull(section(decision, "YOUTH_FEE_DISCOUNT"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        JsonObject request = with(with(example(), "extra", new JsonObject().put("a", 1)), "exam.room", "A-101");
        assertEquals(decide(example()).getJsonArray("sections"), decide(request).getJsonArray("sections"));
    }

    @Test
    void koreanTextArrivesAsUtf8() {
        HttpResponse<String> response = server.postFeedback(example().encode());
        assertTrue(response.headers()
                .firstValue("Content-Type")
                .orElse("")
                .toLowerCase()
                .contains("utf-8"));
        String title = section(decision(response), "RESULT_SUMMARY").getString("title");
        assertTrue(title.contains("정보처리기사"), title);
        assertTrue(new String(title.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(title));
    }

    // ---- determinism --------------------------------------------------------------------------

    @Test
    void theSameRequestTwiceGivesTheSameSectionsAndNotices() {
        JsonObject first = decide(example());
        JsonObject second = decide(example());
        assertEquals(first.getJsonArray("sections"), second.getJsonArray("sections"));
        assertEquals(first.getJsonArray("notices"), second.getJsonArray("notices"));
        assertEquals(first.getString("rulesVersion"), second.getString("rulesVersion"));
        assertEquals(first.getString("outcome"), second.getString("outcome"));
        assertEquals(first.getString("asOf"), second.getString("asOf"));
    }

    @Test
    void concurrentRequestsOnSeveralEventLoopsAllGetTheSameDecision() throws Exception {
        String body = example().encode();
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 32; i++) {
            futures.add(client.sendAsync(
                    server.request("/v1/feedback")
                            .header("Authorization", "Bearer " + LiveServer.DECIDE_TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        JsonArray expected = decide(example()).getJsonArray("sections");
        Set<String> decisionIds = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> f : futures) {
            JsonObject decision = decision(f.get());
            assertEquals(expected, decision.getJsonArray("sections"));
            decisionIds.add(decision.getString("decisionId"));
        }
        assertEquals(futures.size(), decisionIds.size(), "each decision has its own id");
    }
}
