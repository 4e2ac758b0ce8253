package kr.qfeedback.acceptance;

import static kr.qfeedback.acceptance.GherkinText.cell;
import static kr.qfeedback.acceptance.GherkinText.quoted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.wire.ApiError;

/**
 * A previewed page turned into a Korean scenario: the request becomes the 조건 and 만일 steps, the
 * sections and data values a policy officer ticked become the 그러면 steps, with the values the
 * decision showed. Only sentences the step definitions of this package match are written
 * ({@link CandidateSteps}, {@link SectionSteps}, {@link SectionDataSteps}, {@link DecisionSteps}),
 * so the scenario runs as it is; values go through {@link GherkinText}, so none can break the file.
 */
public final class ScenarioDraft {
    public static final int MAX_NAME_LENGTH = 100;
    private static final String INDENT = "    ";
    private static final String TABLE = "      ";

    /** One ticked data value: {@code field} of the data of {@code section}. */
    public record ValuePick(String section, String field) {}

    /** The scenario's file in the rules folder ({@code 시나리오/….feature}) and its text. */
    public record Draft(String path, String text) {}

    private ScenarioDraft() {}

    /**
     * Writes the scenario {@code name} for {@code request}, expecting its {@code decision} to show
     * the ticked {@code sections} (shown, tone and title) and {@code values}. Refuses (400, naming
     * the field) a name, tick or request value the scenario sentences cannot hold.
     */
    public static Draft render(
            String name,
            FeedbackRequest request,
            FeedbackDecision decision,
            ReferenceCatalogue reference,
            List<String> sections,
            List<ValuePick> values) {
        String title = GherkinText.oneLine(Objects.requireNonNullElse(name, ""));
        if (title.isEmpty() || title.length() > MAX_NAME_LENGTH) {
            throw ApiError.invalid(
                    "name", "name is the scenario's name, 1 to " + MAX_NAME_LENGTH + " characters on one line.");
        }
        if (sections.isEmpty() && values.isEmpty()) {
            throw ApiError.invalid(
                    "sections", "Tick at least one section or value of the page: they are what the scenario expects.");
        }
        Map<SectionId, Section> shown = new LinkedHashMap<>();
        decision.sections().forEach(s -> shown.put(s.id(), s));
        Set<SectionId> ticked = new LinkedHashSet<>();
        for (String id : sections) {
            ticked.add(shownSection(id, shown, "sections").id());
        }
        Map<SectionId, Set<String>> fields = new LinkedHashMap<>();
        for (ValuePick pick : values) {
            Section section = shownSection(pick.section(), shown, "values");
            if (pick.field() == null || !section.data().containsKey(pick.field())) {
                throw ApiError.invalid(
                        "values",
                        "The " + section.id() + " section has no data field '" + pick.field() + "'; it has "
                                + section.data().keySet() + ".");
            }
            fields.computeIfAbsent(section.id(), k -> new LinkedHashSet<>()).add(pick.field());
        }
        List<String> lines = new ArrayList<>();
        lines.add("# language: ko");
        lines.add("# 콘솔의 미리보기에서 저장한 시나리오입니다 (규칙 버전 " + decision.rulesVersion() + "에서 확인).");
        lines.add("# 이 시나리오가 실패하는 규칙 버전은 게시되지 않습니다. 지우는 방법: rules/README.md 의 \"시나리오 저장\".");
        lines.add("기능: 저장한 시나리오 — " + title);
        lines.add("");
        lines.add("  시나리오: " + title);
        given(request, reference, lines);
        lines.add(INDENT + "그러면 결과는 " + quoted(decision.outcome().code(), "outcome") + "이다");
        for (Section section : shown.values()) {
            if (ticked.contains(section.id())) {
                expectSection(section, lines);
            }
            if (fields.containsKey(section.id())) {
                expectValues(section, fields.get(section.id()), lines);
            }
        }
        return new Draft(SavedScenarios.pathFor(title), String.join("\n", lines) + "\n");
    }

    private static Section shownSection(String id, Map<SectionId, Section> shown, String field) {
        SectionId sectionId = id == null ? null : SectionId.parse(id).orElse(null);
        Section section = sectionId == null ? null : shown.get(sectionId);
        if (section == null) {
            throw ApiError.invalid(
                    field, "'" + id + "' is not a section of the previewed page; it shows " + shown.keySet() + ".");
        }
        return section;
    }

    // ---------------------------------------------------------------- 조건 and 만일: the request

    private static void given(FeedbackRequest request, ReferenceCatalogue reference, List<String> lines) {
        QualificationRef q = request.qualification();
        Qualification known = reference.find(q.code()).orElse(null);
        Grade grade = q.grade() != null ? q.grade() : known == null ? null : known.grade();
        if (!q.code().matches("\\w+")) {
            throw ApiError.invalid("request.qualification.code", "A scenario writes codes of letters and digits only.");
        }
        if (grade == null) {
            throw ApiError.invalid("request.qualification.grade", "The grade is needed to write the scenario.");
        }
        String named = known != null
                ? quoted(known.name(), "request.qualification.name")
                : "기준 자료에 없는 종목 " + quoted(q.name(), "request.qualification.name");
        String who = named + "(" + q.code() + ", " + gradeWord(grade) + ") 응시자가 있다";
        lines.add(INDENT + "조건 " + who);
        ExamSitting exam = request.exam();
        lines.add(INDENT + "그리고 시험은 " + quoted(exam.round(), "request.exam.round") + " 회차로 \"" + exam.examDate()
                + "\"에 치렀고 \"" + exam.announcedOn() + "\"에 발표되었다");
        lines.add(INDENT + "그리고 기준일은 \"" + request.asOf() + "\"이다");
        CandidateInfo c = request.candidate();
        if (c.birthDate() != null) {
            lines.add(INDENT + "그리고 생년월일은 \"" + c.birthDate() + "\"이다");
        }
        if (c.eligibilityDocuments() != null) {
            lines.add(INDENT + "그리고 응시자격 서류는 \"" + documentsWord(c.eligibilityDocuments()) + "\"이다");
        }
        if (!c.heldQualifications().isEmpty()) {
            String held = String.join(", ", c.heldQualifications());
            lines.add(INDENT + "그리고 가지고 있는 자격은 " + quoted(held, "request.candidate.heldQualifications") + "이다");
        }
        if (c.writtenPassAnnouncedOn() != null) {
            lines.add(INDENT + "그리고 필기 합격 발표일은 \"" + c.writtenPassAnnouncedOn() + "\"이다");
        }
        String stage = stageWord(exam.stage());
        if (exam.result() == ExamResult.ABSENT) {
            lines.add(INDENT + "만일 \"" + stage + "\" 시험에 결시한다");
        } else {
            String score = exam.totalScore() == null ? "" : ScenarioValues.plain(exam.totalScore());
            if (!score.matches("\\d+(\\.\\d)?")) {
                throw ApiError.invalid(
                        "request.exam.totalScore",
                        "A scenario writes the total score as a number from 0 with at most one decimal place.");
            }
            String result = exam.result() == ExamResult.PASS ? "합격" : "불합격";
            lines.add(INDENT + "만일 \"" + stage + "\" 시험 결과 \"" + result + "\", 총점 " + score + "점을 받는다");
        }
        if (!exam.subjects().isEmpty() && exam.result() != ExamResult.ABSENT) {
            lines.add(INDENT + "그리고 과목 점수는 다음과 같다:");
            lines.add(TABLE + "| 과목 | 점수 |");
            for (SubjectScore s : exam.subjects()) {
                lines.add(TABLE + "| " + cell(s.name()) + " | " + ScenarioValues.plain(s.score()) + " |");
            }
        }
    }

    // ---------------------------------------------------------------- 그러면: what the page shows

    private static void expectSection(Section section, List<String> lines) {
        String id = "\"" + section.id().name() + "\"";
        lines.add(INDENT + "그리고 " + id + " 섹션이 보인다");
        lines.add(INDENT + "그리고 " + id + " 섹션의 톤은 \"" + section.tone().name() + "\"이다");
        String title = GherkinText.containedPart(section.title());
        if (title != null) {
            lines.add(INDENT + "그리고 " + id + " 섹션의 제목에 " + GherkinText.withSubjectParticle(title) + " 들어 있다");
        }
    }

    private static void expectValues(Section section, Set<String> fields, List<String> lines) {
        lines.add(INDENT + "그리고 \"" + section.id().name() + "\" 섹션의 자료는 다음과 같다:");
        lines.add(TABLE + "| 항목 | 값 |");
        for (String field : fields) {
            lines.add(TABLE + "| " + cell(field) + " | "
                    + cell(ScenarioValues.show(section.data().get(field))) + " |");
        }
    }

    // ---------------------------------------------------------------- the Korean words the steps read

    private static String stageWord(Stage stage) {
        return switch (stage) {
            case WRITTEN -> "필기";
            case PRACTICAL -> "실기";
            case INTERVIEW -> "면접";
        };
    }

    private static String documentsWord(DocumentStatus status) {
        return switch (status) {
            case SUBMITTED -> "제출";
            case NOT_SUBMITTED -> "미제출";
            case NOT_REQUIRED -> "불필요";
        };
    }

    private static String gradeWord(Grade grade) {
        return switch (grade) {
            case PROFESSIONAL_ENGINEER -> "기술사";
            case MASTER_CRAFTSMAN -> "기능장";
            case ENGINEER -> "기사";
            case INDUSTRIAL_ENGINEER -> "산업기사";
            case CRAFTSMAN -> "기능사";
            case SERVICE -> "서비스";
        };
    }
}
