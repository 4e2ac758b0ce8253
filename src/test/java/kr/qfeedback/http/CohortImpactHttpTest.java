package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.assertError;
import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.ShippedParameters;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Impact runs over real (uploaded or kept) NDJSON cohorts, in the background, on the real service. */
class CohortImpactHttpTest {
    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle();

    @TempDir
    static Path tmp;

    private static final String YOUTH_34 = "청년 할인 최대 나이: 34";
    private static final String YOUTH_39 = "청년 할인 최대 나이: 39";

    @Test
    void anUploadedCohortGivesTheSameCountsAsDecidingAndComparingEveryLineInTheTest() throws Exception {
        List<String> lines = new ArrayList<>(generated(5, 3_000));
        lines.add(400, "this is not JSON");
        lines.add(800, "");
        lines.add(
                1200,
                ExampleRequests.with(ExampleRequests.example(), "exam.announcedOn", "2025-01-01")
                        .encode());
        String ndjson = String.join("\n", lines) + "\n";

        HttpResponse<String> uploaded = server.post(
                "/v1/rules/cohorts?name=sample-2026", LiveServer.AUTHOR_TOKEN, "application/x-ndjson", ndjson);
        assertEquals(201, uploaded.statusCode(), uploaded::body);
        assertEquals(lines.size(), json(uploaded).getInteger("lines"));
        JsonObject listed = json(server.get("/v1/rules/cohorts", LiveServer.AUTHOR_TOKEN));
        assertEquals(30, listed.getInteger("retentionDays"));
        assertTrue(
                listed.getJsonArray("cohorts").stream()
                        .anyMatch(c -> ((JsonObject) c).getString("name").equals("sample-2026")),
                listed::encode);

        byte[] parameters = ShippedRules.textWith("parameters.yaml", YOUTH_34, YOUTH_39);
        JsonObject done = runToTheEnd(startRun("sample-2026", parameters));
        assertEquals("DONE", done.getString("status"), done::encodePrettily);
        assertEquals(lines.size(), done.getLong("linesDone"));
        assertEquals(lines.size(), done.getLong("linesTotal"));
        JsonObject impact = done.getJsonObject("impact");

        Expected expected = decideAndCompare(lines, ShippedRules.compiled(), candidateWith(parameters));
        assertEquals(expected.compared, impact.getInteger("candidates"));
        assertEquals(expected.affected, impact.getInteger("candidatesAffected"));
        JsonObject read = impact.getJsonObject("lines");
        assertEquals(lines.size(), read.getInteger("read"));
        assertEquals(2, read.getInteger("unreadable"), read::encode);
        assertEquals(expected.unreadable, read.getInteger("unreadable"));
        assertEquals(expected.refusedByActive, read.getInteger("refusedByActive"));
        assertEquals(1, expected.refusedByActive);
        assertEquals(
                List.of(401L, 801L, 1201L),
                read.getJsonArray("problems").stream()
                        .map(p -> ((JsonObject) p).getLong("line"))
                        .toList(),
                "problems by line number, without their content");
        Map<String, List<Integer>> actual = new TreeMap<>();
        for (Object o : impact.getJsonArray("changes")) {
            JsonObject c = (JsonObject) o;
            actual.put(
                    c.getString("outcome") + "|" + c.getString("section"),
                    List.of(
                            c.getInteger("newlyShown"),
                            c.getInteger("noLongerShown"),
                            c.getInteger("shownDifferently")));
        }
        assertFalse(actual.isEmpty());
        assertEquals(expected.rows, actual);
    }

    @Test
    void aRunShowsItsProgressAndStopsWhenCancelled() throws Exception {
        List<String> some = generated(9, 4_000);
        Path big = Files.createDirectories(server.dataDir().resolve("cohorts")).resolve("big.ndjson");
        try (var out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (int copy = 0; copy < 75; copy++) {
                for (String line : some) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        long total = 75L * some.size();

        String id = startRun("big", ShippedRules.textWith("parameters.yaml", YOUTH_34, YOUTH_39));
        JsonObject running = poll(id);
        while (running.getLong("linesDone") == 0 || running.getValue("linesTotal") == null) {
            assertEquals("RUNNING", running.getString("status"), running::encode);
            Thread.sleep(20);
            running = poll(id);
        }
        assertEquals("RUNNING", running.getString("status"), "cancelled before it ends: " + running.encode());
        assertEquals(total, running.getLong("linesTotal"));
        assertTrue(running.getLong("linesDone") < total, running::encode);

        HttpResponse<String> cancel = server.send(server.request("/v1/rules/impact/" + id)
                .header("Authorization", "Bearer " + LiveServer.AUTHOR_TOKEN)
                .DELETE()
                .build());
        assertEquals(200, cancel.statusCode(), cancel::body);
        assertTrue(json(cancel).getBoolean("cancelRequested"));
        JsonObject ended = runToTheEnd(id);
        assertEquals("CANCELLED", ended.getString("status"), ended::encode);
        assertTrue(ended.getLong("linesDone") < total, ended::encode);
        assertNull(ended.getValue("impact"));
    }

    @Test
    void cohortsAreNamedListedAndDeletedAndUnknownOnesAreNotFound() {
        assertError(
                server.post("/v1/rules/cohorts?name=../x", LiveServer.AUTHOR_TOKEN, "application/x-ndjson", "{}\n"),
                400,
                "INVALID_REQUEST",
                "name");
        assertError(
                server.post("/v1/rules/cohorts?name=x", LiveServer.DECIDE_TOKEN, "application/x-ndjson", "{}\n"),
                403,
                "FORBIDDEN",
                null);
        HttpResponse<String> multipart = server.upload(
                "/v1/rules/cohorts",
                LiveServer.AUTHOR_TOKEN,
                Part.file(
                        "spring.ndjson",
                        (ExampleRequests.EXAMPLE_REQUEST.replace("\n", "") + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, multipart.statusCode(), multipart::body);
        assertEquals("spring", json(multipart).getString("name"), "named after the file");
        assertEquals(1, json(multipart).getInteger("lines"));

        HttpResponse<String> deleted = server.send(server.request("/v1/rules/cohorts/spring")
                .header("Authorization", "Bearer " + LiveServer.AUTHOR_TOKEN)
                .DELETE()
                .build());
        assertEquals(200, deleted.statusCode(), deleted::body);
        assertFalse(
                server.get("/v1/rules/cohorts", LiveServer.AUTHOR_TOKEN).body().contains("\"spring\""));
        assertError(
                server.upload(
                        "/v1/rules/impact?cohort=spring",
                        LiveServer.AUTHOR_TOKEN,
                        Part.file("parameters.yaml", ShippedRules.bytes("parameters.yaml"))),
                404,
                "NOT_FOUND",
                "cohort");
        assertError(server.get("/v1/rules/impact/no-such-run", LiveServer.AUTHOR_TOKEN), 404, "NOT_FOUND", "id");
    }

    @Test
    void anUploadedCohortIsReadableByItsOwnerOnlyWhetherSentAsTheBodyOrAsAFile() throws Exception {
        Path cohorts = Files.createDirectories(server.dataDir().resolve("cohorts"));
        assumeTrue(Files.getFileStore(cohorts).supportsFileAttributeView(PosixFileAttributeView.class));
        String line = ExampleRequests.EXAMPLE_REQUEST.replace("\n", "") + "\n";

        HttpResponse<String> body =
                server.post("/v1/rules/cohorts?name=owner-body", LiveServer.AUTHOR_TOKEN, "application/x-ndjson", line);
        assertEquals(201, body.statusCode(), body::body);
        HttpResponse<String> file = server.upload(
                "/v1/rules/cohorts",
                LiveServer.AUTHOR_TOKEN,
                Part.file("owner-file.ndjson", line.getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, file.statusCode(), file::body);

        for (String name : List.of("owner-body", "owner-file")) {
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(cohorts.resolve(name + ".ndjson"))),
                    name);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static List<String> generated(long seed, int size) throws IOException {
        Path file = tmp.resolve("cohort-" + seed + "-" + size + ".ndjson");
        CohortGenerator.write(
                ReferenceCatalogue.load(Path.of("rules", "reference")), ShippedParameters.get(), seed, size, file);
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static String startRun(String cohort, byte[] parameters) {
        HttpResponse<String> started = server.upload(
                "/v1/rules/impact?cohort=" + cohort, LiveServer.AUTHOR_TOKEN, Part.file("parameters.yaml", parameters));
        assertEquals(202, started.statusCode(), started::body);
        JsonObject run = json(started);
        assertEquals(cohort, run.getString("cohort"));
        assertEquals(
                "/v1/rules/impact/" + run.getString("id"),
                started.headers().firstValue("Location").orElse(""));
        return run.getString("id");
    }

    private static JsonObject poll(String id) {
        HttpResponse<String> response = server.get("/v1/rules/impact/" + id, LiveServer.AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    /** Polls until the run has ended (a run of this size ends within minutes even on a busy machine). */
    private static JsonObject runToTheEnd(String id) throws InterruptedException {
        for (int i = 0; i < 3_000; i++) {
            JsonObject run = poll(id);
            if (!"RUNNING".equals(run.getString("status"))) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not end: " + poll(id).encode());
    }

    private static RuleSet candidateWith(byte[] parameters) {
        Path folder = ShippedRules.copyInto(tmp.resolve("candidate-" + System.nanoTime()));
        ShippedRules.write(folder.resolve("parameters.yaml"), parameters);
        return ShippedRules.compile(folder);
    }

    /** What the test counts itself, line by line, as the issue defines it. */
    private static final class Expected {
        int compared;
        int affected;
        int unreadable;
        int refusedByActive;
        final Map<String, List<Integer>> rows = new TreeMap<>();
    }

    private static Expected decideAndCompare(List<String> lines, RuleSet active, RuleSet candidate) {
        DecisionService decisions = new DecisionService(Clock.systemUTC());
        Expected expected = new Expected();
        for (String line : lines) {
            FeedbackRequest request;
            try {
                request = decisions.accept(Buffer.buffer(line.strip()), active);
                decisions.checked(request, candidate);
            } catch (ApiError e) {
                if (e.code().equals("INCONSISTENT")) {
                    expected.refusedByActive++;
                } else {
                    expected.unreadable++;
                }
                continue;
            }
            expected.compared++;
            Map<SectionId, Section> before = sections(decisions.decide(request, active));
            Map<SectionId, Section> after = sections(decisions.decide(request, candidate));
            boolean changed = false;
            for (SectionId id : SectionId.values()) {
                Section a = before.get(id);
                Section b = after.get(id);
                int kind;
                if (a == null && b == null) {
                    continue;
                } else if (a == null) {
                    kind = 0;
                } else if (b == null) {
                    kind = 1;
                } else if (a.order() != b.order()
                        || a.tone() != b.tone()
                        || !a.title().equals(b.title())
                        || !Objects.equals(a.body(), b.body())
                        || !a.data().equals(b.data())
                        || !a.links().equals(b.links())) {
                    kind = 2;
                } else {
                    continue;
                }
                changed = true;
                String key = request.exam().outcome().code() + "|" + id;
                List<Integer> counts = new ArrayList<>(expected.rows.getOrDefault(key, List.of(0, 0, 0)));
                counts.set(kind, counts.get(kind) + 1);
                expected.rows.put(key, List.copyOf(counts));
            }
            expected.affected += changed ? 1 : 0;
        }
        return expected;
    }

    private static Map<SectionId, Section> sections(FeedbackDecision decision) {
        Map<SectionId, Section> map = new EnumMap<>(SectionId.class);
        decision.sections().forEach(s -> map.put(s.id(), s));
        return map;
    }
}
