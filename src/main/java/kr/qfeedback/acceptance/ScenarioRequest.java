package kr.qfeedback.acceptance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;

/**
 * The request one scenario describes, filled in step by step and built when the first outcome is
 * checked. Also maps the Korean words of the scenarios (필기, 합격, 미제출, 기사 …) to the API values.
 */
final class ScenarioRequest {
    private static final Map<String, Stage> STAGES =
            Map.of("필기", Stage.WRITTEN, "실기", Stage.PRACTICAL, "면접", Stage.INTERVIEW);
    private static final Map<String, ExamResult> RESULTS =
            Map.of("합격", ExamResult.PASS, "불합격", ExamResult.FAIL, "결시", ExamResult.ABSENT);
    private static final Map<String, DocumentStatus> DOCUMENTS = Map.of(
            "제출", DocumentStatus.SUBMITTED, "미제출", DocumentStatus.NOT_SUBMITTED, "불필요", DocumentStatus.NOT_REQUIRED);
    private static final Map<String, Grade> GRADES = Map.of(
            "기술사",
            Grade.PROFESSIONAL_ENGINEER,
            "기능장",
            Grade.MASTER_CRAFTSMAN,
            "기사",
            Grade.ENGINEER,
            "산업기사",
            Grade.INDUSTRIAL_ENGINEER,
            "기능사",
            Grade.CRAFTSMAN,
            "서비스",
            Grade.SERVICE,
            "서비스 분야",
            Grade.SERVICE);

    private String code;
    private String name;
    private Grade grade;
    private String round;
    private LocalDate examDate;
    private LocalDate announcedOn;
    private LocalDate asOf;
    private Stage stage;
    private ExamResult result;
    private Double totalScore;
    private final List<SubjectScore> subjects = new ArrayList<>();
    private LocalDate birthDate;
    private LocalDate writtenPassAnnouncedOn;
    private DocumentStatus documents;
    private List<String> held = List.of();

    void qualification(String code, String nameOrNull, Grade grade) {
        this.code = code;
        this.name = nameOrNull;
        this.grade = grade;
    }

    void sitting(String round, LocalDate examDate, LocalDate announcedOn) {
        this.round = round;
        this.examDate = examDate;
        this.announcedOn = announcedOn;
    }

    void asOf(LocalDate asOf) {
        this.asOf = asOf;
    }

    void result(Stage stage, ExamResult result, Double totalScore) {
        this.stage = stage;
        this.result = result;
        this.totalScore = totalScore;
    }

    void subject(String subjectName, double score) {
        subjects.add(new SubjectScore(subjectName, score));
    }

    void birthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    void writtenPassAnnouncedOn(LocalDate date) {
        this.writtenPassAnnouncedOn = date;
    }

    void heldQualifications(List<String> codes) {
        this.held = List.copyOf(codes);
    }

    void documents(DocumentStatus status) {
        this.documents = status;
    }

    /** {@code asOf} defaults to the announcement day: the day candidates look at their result. */
    FeedbackRequest build(String candidateId) {
        require(code != null, "시나리오에 종목이 없습니다 (예: 조건 \"정보처리기사\"(1320, 기사) 응시자가 있다)");
        require(
                round != null,
                "시나리오에 시험 회차·시험일·발표일이 없습니다 (예: 그리고 시험은 \"2026-1\" 회차로 \"2026-01-30\"에 치렀고 \"2026-03-11\"에 발표되었다)");
        require(stage != null, "시나리오에 시험 결과가 없습니다 (예: 만일 \"필기\" 시험 결과 \"합격\", 총점 71.5점을 받는다)");
        return new FeedbackRequest(
                candidateId,
                asOf != null ? asOf : announcedOn,
                new QualificationRef(code, name, grade),
                new ExamSitting(round, stage, examDate, announcedOn, result, totalScore, subjects),
                new CandidateInfo(birthDate, writtenPassAnnouncedOn, documents, null, held));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    static Stage stage(String word) {
        return lookup(STAGES, word, Stage.class, "시험 단계");
    }

    static ExamResult result(String word) {
        return lookup(RESULTS, word, ExamResult.class, "시험 결과");
    }

    static DocumentStatus documents(String word) {
        return lookup(DOCUMENTS, word, DocumentStatus.class, "응시자격 서류");
    }

    static Grade grade(String word) {
        return lookup(GRADES, word, Grade.class, "등급");
    }

    /** The Korean word, or the API's own name (WRITTEN, PASS …) for those who prefer it. */
    private static <E extends Enum<E>> E lookup(Map<String, E> words, String word, Class<E> type, String what) {
        String w = word.trim();
        E value = words.get(w);
        if (value != null) {
            return value;
        }
        try {
            return Enum.valueOf(type, w.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    what + " \"" + word + "\"을(를) 알 수 없습니다. 쓸 수 있는 말: " + String.join(", ", words.keySet()) + " (또는 "
                            + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
    }
}
