package kr.qfeedback.acceptance;

import static kr.qfeedback.acceptance.Expect.assertNotNull;
import static kr.qfeedback.acceptance.Expect.assertTrue;
import static kr.qfeedback.acceptance.Expect.fail;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionService;

/**
 * The scenario being run: the request its 조건/만일 steps describe and the decision made of it once,
 * shared by every step class of this package.
 *
 * <p>No dependency-injection module (such as {@code cucumber-picocontainer}) is on the class path,
 * so Cucumber makes each step class anew for every scenario but cannot hand them a common object.
 * {@link ScenarioHooks} therefore starts a fresh {@code CurrentScenario} in a thread-local before
 * each scenario and drops it after; a scenario runs on one thread from its first step to its last,
 * both in the test suite ({@code AcceptanceTest}) and in the publish gate ({@link AcceptanceGate}).
 */
final class CurrentScenario {
    /** The path every decision takes (parse, check, decide); scenarios enter it after the parse. */
    static final DecisionService DECISIONS = new DecisionService(java.time.Clock.systemUTC());

    private static final ThreadLocal<CurrentScenario> CURRENT = new ThreadLocal<>();

    private final ScenarioRequest scenario = new ScenarioRequest();
    private FeedbackRequest request;
    private FeedbackDecision decision;

    private CurrentScenario() {}

    /** Starts a new scenario on this thread, forgetting the previous one. */
    static void begin() {
        CURRENT.set(new CurrentScenario());
    }

    /** Forgets the scenario of this thread, so that a publish gate's thread keeps no decision. */
    static void end() {
        CURRENT.remove();
    }

    /** The scenario running on this thread. */
    static CurrentScenario get() {
        CurrentScenario current = CURRENT.get();
        if (current == null) {
            throw new IllegalStateException(
                    "No scenario is running on this thread: ScenarioHooks starts one before every scenario.");
        }
        return current;
    }

    /** The rule set the scenarios decide with (the candidate during a publish gate). */
    static RuleSet rules() {
        return CompiledRules.get();
    }

    /** The request as the steps so far describe it. */
    ScenarioRequest scenario() {
        return scenario;
    }

    /** The request that was decided; null before {@link #decision()}. */
    FeedbackRequest request() {
        return request;
    }

    /** The decision of the scenario's request, made the first time it is asked for. */
    FeedbackDecision decision() {
        if (decision == null) {
            request = scenario.build("acceptance-scenario");
            checkSubjectNames(request);
            try {
                decision = DECISIONS.decide(DECISIONS.checked(request, rules()), rules());
            } catch (ApiError e) {
                fail("시나리오의 요청이 받아들여지지 않습니다(HTTP 라면 " + e.status() + " " + e.code() + "): " + e.field() + " — "
                        + e.getMessage());
            }
            assertNotNull(decision, "결정이 없습니다");
        }
        return decision;
    }

    /** Scenarios use the subject names of the reference data, so they cannot drift into invented ones. */
    private static void checkSubjectNames(FeedbackRequest request) {
        Optional<Qualification> known =
                rules().reference().find(request.qualification().code());
        if (known.isEmpty() || request.exam().subjects().isEmpty()) {
            return;
        }
        List<String> listed = request.exam().stage() == Stage.WRITTEN
                ? known.get().writtenSubjects()
                : known.get().secondStageSubjects();
        if (listed.isEmpty()) {
            return;
        }
        for (var s : request.exam().subjects()) {
            assertTrue(
                    listed.contains(s.name()),
                    "과목 \"" + s.name() + "\"은(는) 기준 자료의 " + known.get().name() + " "
                            + request.exam().stage() + " 과목이 아닙니다. 기준 자료의 과목: " + listed);
        }
    }

    Optional<Section> find(SectionId id) {
        return decision().sections().stream().filter(s -> s.id() == id).findFirst();
    }

    /** The visible section {@code id}; the step fails when it is not shown. */
    Section section(String id) {
        SectionId sectionId = sectionId(id);
        return find(sectionId)
                .orElseGet(() -> fail(id + " 섹션이 보여야 하는데 보이지 않습니다. 보이는 섹션: "
                        + describe(decision().sections()) + ", 안내: " + noticeCodes()));
    }

    static SectionId sectionId(String id) {
        return SectionId.parse(id).orElseGet(() -> fail("\"" + id + "\"은(는) 계약서 섹션 목록에 없는 섹션 ID 입니다"));
    }

    List<String> traceOf(SectionId id) {
        return decision().trace().stream()
                .filter(t -> t.section() == id)
                .map(t -> t.rule() + " (" + t.source() + ")")
                .toList();
    }

    List<String> noticeCodes() {
        return decision().notices().stream().map(Notice::code).toList();
    }

    static String describe(List<Section> sections) {
        return sections.stream()
                .map(s -> s.id() + "(" + s.order() + ", " + s.tone() + ")")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
