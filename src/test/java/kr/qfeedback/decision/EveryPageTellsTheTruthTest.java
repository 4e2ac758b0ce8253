package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kr.qfeedback.cohort.RequestJson;
import kr.qfeedback.decision.lint.EdgeCohort;
import kr.qfeedback.decision.lint.PageLint;
import kr.qfeedback.decision.lint.PageLint.Finding;
import kr.qfeedback.decision.lint.PageLint.Rule;
import kr.qfeedback.decision.lint.PassLaw;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.FeedbackRequestParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decides a generated cohort that sits on every edge of the law ({@link EdgeCohort}) with the
 * shipped {@code rules/} and reads every page with {@link PageLint}: no unfilled placeholder, no
 * "-" for a value, no 실기 or 상위 등급 on a 기술사 page, no past deadline told as still to meet, no
 * result its scores contradict, rounds counted with 회 and named 제N회, no pass rate for a year
 * nobody sat, the youth discount by date of birth, the exemption window of 영 21조①.
 *
 * <p>Requests the service would refuse (400 from {@link FeedbackRequestParser} after a JSON round
 * trip, 422 from {@link RequestCheck}, which refuses written results their scores contradict) are left out, not counted as pages.
 */
class EveryPageTellsTheTruthTest {
    private static final long SEED = 20260311L;
    private static final int SHOWN_FINDINGS = 30;
    private static final int SHOWN_PER_RULE = 3;

    private static RuleSet rules;
    private static List<FeedbackRequest> cohort;

    @BeforeAll
    static void generateTheCohort() {
        rules = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
        cohort = EdgeCohort.generate(rules.reference(), SEED);
    }

    @Test
    void theCohortSpansEveryGradeStageResultAndEdge() {
        Set<String> seen = new TreeSet<>();
        for (FeedbackRequest r : cohort) {
            var exam = r.exam();
            var c = r.candidate();
            boolean known = rules.reference().find(r.qualification().code()).isPresent();
            seen.add(r.qualification().grade() + " " + exam.stage() + " " + exam.result()
                    + (known ? " known" : " unknown")
                    + (exam.subjects().isEmpty()
                            ? " without subjects"
                            : exam.result().name().equals("ABSENT") ? "" : " with subjects"));
            seen.add("documents " + c.eligibilityDocuments());
            seen.add("held " + !c.heldQualifications().isEmpty());
            if (c.birthDate() != null) {
                long fromCutoff = c.birthDate().toEpochDay()
                        - PassLaw.youthCutoff(r.asOf()).toEpochDay();
                if (Math.abs(fromCutoff) <= 1) {
                    seen.add("born " + fromCutoff + " day(s) from the youth cut-off");
                }
            }
            if (c.writtenPassAnnouncedOn() != null) {
                long endsIn = PassLaw.exemptionEnd(c.writtenPassAnnouncedOn()).toEpochDay()
                        - r.asOf().toEpochDay();
                seen.add("exemption ends in " + endsIn + " day(s)");
                if (c.writtenPassAnnouncedOn().equals(LocalDate.of(2024, 2, 29))) {
                    seen.add("exemption from 29 February");
                }
            }
            rules.reference()
                    .find(r.qualification().code())
                    .ifPresent(q -> q.rounds().forEach(round -> {
                        dayAround("document deadline", round.documentSubmissionEnd(), r.asOf(), seen);
                        dayAround("practical registration start", round.practicalRegistrationStart(), r.asOf(), seen);
                        dayAround("practical registration end", round.practicalRegistrationEnd(), r.asOf(), seen);
                        dayAround("written pass announcement", round.writtenPassDate(), r.asOf(), seen);
                    }));
        }
        List<String> missing = new ArrayList<>();
        for (Grade grade : Grade.values()) {
            for (String stage : List.of("WRITTEN", grade.secondStage().name())) {
                for (String known : List.of(" known", " unknown")) {
                    for (String scored : List.of(
                            "PASS with subjects",
                            "PASS without subjects",
                            "FAIL with subjects",
                            "FAIL without subjects",
                            "ABSENT without subjects")) {
                        String[] words = scored.split(" ", 2);
                        String key = grade + " " + stage + " " + words[0] + known + " " + words[1];
                        if (!seen.contains(key)) {
                            missing.add(key);
                        }
                    }
                }
            }
        }
        for (String edge : List.of(
                "documents null",
                "documents SUBMITTED",
                "documents NOT_SUBMITTED",
                "documents NOT_REQUIRED",
                "held true",
                "held false",
                "born -1 day(s) from the youth cut-off",
                "born 0 day(s) from the youth cut-off",
                "born 1 day(s) from the youth cut-off",
                "exemption ends in -1 day(s)",
                "exemption ends in 0 day(s)",
                "exemption ends in 1 day(s)",
                "exemption ends in 90 day(s)",
                "exemption ends in 91 day(s)",
                "exemption from 29 February")) {
            if (!seen.contains(edge)) {
                missing.add(edge);
            }
        }
        for (String event : List.of(
                "document deadline",
                "practical registration start",
                "practical registration end",
                "written pass announcement")) {
            for (String when : List.of("the day before", "the day of", "the day after")) {
                if (!seen.contains(when + " " + event)) {
                    missing.add(when + " " + event);
                }
            }
        }
        assertEquals(List.of(), missing, "edges the cohort of " + cohort.size() + " requests does not reach");
    }

    @Test
    void everyPageOfTheEdgeCohortTellsTheTruth() {
        FeedbackRequestParser parser = new FeedbackRequestParser(
                Clock.fixed(Instant.parse("2026-03-11T00:00:00Z"), FeedbackRequestParser.SEOUL));
        FeedbackDecider decider = new FeedbackDecider();
        PageLint lint = new PageLint(code -> rules.reference().find(code));
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> refused = new TreeMap<>();
        int decided = 0;
        long started = System.nanoTime();
        for (FeedbackRequest generated : cohort) {
            String json = RequestJson.toJson(generated).encode();
            FeedbackRequest request;
            try {
                request = parser.parse(Buffer.buffer(json));
                RequestCheck.check(request, rules).ifPresent(i -> {
                    throw ApiError.inconsistent(i.field(), i.message());
                });
            } catch (ApiError refusal) {
                refused.merge(
                        refusal.getMessage().length() > 90
                                ? refusal.getMessage().substring(0, 90) + "…"
                                : refusal.getMessage(),
                        1,
                        Integer::sum);
                continue;
            }
            decided++;
            findings.addAll(lint.check(request, decider.decide(request, rules), json));
        }
        System.out.printf(
                "EveryPageTellsTheTruthTest: %d pages decided and read in %d ms, %d requests refused %s, %d findings%n",
                decided, (System.nanoTime() - started) / 1_000_000, cohort.size() - decided, refused, findings.size());
        assertTrue(
                decided >= 2_000,
                "the cohort must give a few thousand pages; it gave " + decided + " (refused: " + refused + ")");
        dump(findings);
        if (!findings.isEmpty()) {
            fail(report(findings, decided));
        }
    }

    /** With {@code -Dqfeedback.law.findings=FILE}, every finding as a tab-separated line (rule, where, sentence, request). */
    private static void dump(List<Finding> findings) {
        String file = System.getProperty("qfeedback.law.findings");
        if (file == null || file.isBlank()) {
            return;
        }
        List<String> lines = findings.stream()
                .map(f -> String.join("\t", f.rule().name(), f.where(), f.sentence(), f.request()))
                .toList();
        try {
            java.nio.file.Files.write(Path.of(file), lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not write the findings to " + file, e);
        }
    }

    private static void dayAround(String event, LocalDate day, LocalDate asOf, Set<String> seen) {
        if (day == null) {
            return;
        }
        long offset = asOf.toEpochDay() - day.toEpochDay();
        if (offset == -1) {
            seen.add("the day before " + event);
        } else if (offset == 0) {
            seen.add("the day of " + event);
        } else if (offset == 1) {
            seen.add("the day after " + event);
        }
    }

    /** Counts by rule, then up to {@value #SHOWN_PER_RULE} examples of each rule, {@value #SHOWN_FINDINGS} in all. */
    private static String report(List<Finding> findings, int pages) {
        Map<Rule, List<Finding>> byRule = new EnumMap<>(Rule.class);
        for (Finding f : findings) {
            byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f);
        }
        StringBuilder out = new StringBuilder();
        out.append(findings.size())
                .append(" findings on ")
                .append(findings.stream().map(Finding::request).distinct().count())
                .append(" of ")
                .append(pages)
                .append(" pages:\n");
        byRule.forEach((rule, list) -> out.append(String.format(
                "  %-40s %6d  (%d pages) %s%n",
                rule,
                list.size(),
                list.stream().map(Finding::request).distinct().count(),
                rule.meaning())));
        int shown = 0;
        for (int round = 0; round < SHOWN_PER_RULE && shown < SHOWN_FINDINGS; round++) {
            for (Map.Entry<Rule, List<Finding>> e : byRule.entrySet()) {
                List<Finding> distinct = e.getValue().stream()
                        .collect(Collectors.toMap(
                                f -> f.where().replaceAll("\\[\\d+]", "")
                                        + f.sentence().replaceAll("[\\d.]+", "#"),
                                f -> f,
                                (a, b) -> a,
                                java.util.LinkedHashMap::new))
                        .values()
                        .stream()
                        .toList();
                if (round < distinct.size() && shown < SHOWN_FINDINGS) {
                    out.append("\n").append(++shown).append(". ").append(distinct.get(round));
                }
            }
        }
        return out.toString();
    }
}
