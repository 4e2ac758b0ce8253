package kr.qfeedback.decision.plain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.reference.YearlyPassRate;
import kr.qfeedback.rules.Parameters;

/** Derives the facts of one request from the reference data and the parameters of a rule set. */
public final class PlainFactDeriver {
    private final ReferenceCatalogue reference;
    private final Parameters parameters;

    public PlainFactDeriver(ReferenceCatalogue reference, Parameters parameters) {
        this.reference = Objects.requireNonNull(reference, "reference must not be null");
        this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
    }

    public PlainDerivedFacts derive(FeedbackRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        var exam = request.exam();
        var grade = request.qualification().grade();
        Qualification qualification = reference
                .find(request.qualification().code())
                .map(this::withScheduleChoice)
                .orElse(null);
        List<ExamRound> rounds = qualification == null ? List.of() : qualification.rounds();
        Stage nextStage = exam.stage() == Stage.WRITTEN ? grade.secondStage() : null;

        // The criterion of the qualification's stage: a listed exception, else the grade's (영 20조).
        boolean second = exam.stage().isSecond();
        PassCriterion criterion = parameters.criterion(request.qualification().code(), grade, second);
        PlainScoreFacts scores = PlainScoreFacts.of(
                exam.totalScore(), exam.subjects(), criterion, wholePaper(parameters, grade, second));

        // A written pass now always opens its window from this exam's announcement (영 21조①).
        boolean writtenPassNow = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
        LocalDate writtenPass =
                writtenPassNow ? exam.announcedOn() : request.candidate().writtenPassAnnouncedOn();
        PlainExemptionWindow exemption = writtenPass == null
                ? null
                : PlainExemptionWindow.of(
                        writtenPass,
                        parameters.exemptionYears(),
                        request.asOf(),
                        rounds,
                        parameters.roundEvent(),
                        scheduleFrom(rounds),
                        scheduleUntil(rounds),
                        parameters.provisoEnabled(),
                        parameters.provisoMinimumRounds());
        ExamRound documentRound = writtenPass == null
                ? null
                : rounds.stream()
                        .filter(r -> writtenPass.equals(r.writtenPassDate()) && r.documentSubmissionEnd() != null)
                        .findFirst()
                        .orElse(null);
        LocalDate deadline = documentRound == null ? null : documentRound.documentSubmissionEnd();
        LocalDate documentStart = documentRound == null ? null : documentRound.documentSubmissionStart();
        // The youth programme's age: counted by birth year, as on 1 January of asOf's year.
        Integer age = request.candidate().birthDate() == null
                ? null
                : request.asOf().getYear() - 1 - request.candidate().birthDate().getYear();
        String documents = documents(request, deadline);

        String name = request.qualification().name() != null
                ? request.qualification().name()
                : qualification != null
                        ? qualification.name()
                        : request.qualification().code();
        // No second-stage round left in the window, or a written pass made void by missing documents:
        // the written exam is what the candidate can sit next.
        boolean writtenAgain = exemption != null && "NONE_LEFT".equals(exemption.roundsLeft())
                || writtenPassNow && "NOT_SUBMITTED_OVERDUE".equals(documents);
        Stage scheduleStage = exam.stage() == Stage.WRITTEN || writtenAgain ? Stage.WRITTEN : grade.secondStage();
        Stage nextScheduleStage = writtenAgain ? Stage.WRITTEN : nextStage;
        PlainDerivedFacts draft = new PlainDerivedFacts(
                request,
                exam.outcome(),
                qualification,
                name,
                nextStage,
                scores,
                exemption,
                age,
                PlainScheduleEntry.next(scheduleStage, rounds, request.asOf()).orElse(null),
                nextStage == null
                        ? null
                        : PlainScheduleEntry.next(nextScheduleStage, rounds, request.asOf())
                                .orElse(null),
                deadline,
                documentStart,
                documents,
                related(qualification),
                List.of(),
                List.of());
        return new PlainDerivedFacts(
                request,
                draft.outcome(),
                qualification,
                name,
                nextStage,
                scores,
                exemption,
                age,
                draft.sameStageRound(),
                draft.nextStageRound(),
                deadline,
                documentStart,
                documents,
                draft.relatedQualifications(),
                satIn(draft.statisticsOf(exam.stage())),
                satIn(draft.statisticsOf(nextStage)));
    }

    /** A stage's statistics, or none when nobody sat it in any year. */
    private static List<YearlyPassRate> satIn(List<YearlyPassRate> rates) {
        return rates.stream().anyMatch(r -> r.applicants() > 0) ? rates : List.of();
    }

    /** Whether a stage is judged on the whole paper: the second stage, or a grade whose written default has no subject minimum. */
    static boolean wholePaper(Parameters parameters, Grade grade, boolean secondStage) {
        PassCriterion grades = parameters.defaultCriterion(grade, secondStage);
        return secondStage || grades == null || grades.subjectMinimum() == null;
    }

    /** The qualification with its series schedule's dates where the two disagree, when the parameters choose the series. */
    private Qualification withScheduleChoice(Qualification q) {
        if (!parameters.seriesSchedule() || q.scheduleDisagreements().isEmpty()) {
            return q;
        }
        List<ExamRound> rounds = q.rounds().stream()
                .map(r -> q.scheduleDisagreements().stream()
                        .filter(d -> d.roundLabel().equals(r.label()))
                        .reduce(r, (adjusted, d) -> adjusted.withDate(d.field(), d.seriesValue()), (a, b) -> b))
                .toList();
        return new Qualification(
                q.code(),
                q.name(),
                q.grade(),
                q.series(),
                q.field(),
                q.writtenSubjects(),
                q.secondStageSubjects(),
                q.writtenCriterion(),
                q.secondStageCriterion(),
                q.writtenFee(),
                q.secondStageFee(),
                q.writtenStatistics(),
                q.secondStageStatistics(),
                rounds,
                q.scheduleDisagreements(),
                q.eligibilityText());
    }

    /** The years the known schedule covers, as whole years: 1 January of the first, 31 December of the last. */
    private static Stream<Integer> scheduleYears(List<ExamRound> rounds) {
        return rounds.stream()
                .flatMap(r -> Stream.of(
                        r.writtenRegistrationStart(),
                        r.writtenPassDate(),
                        r.practicalRegistrationStart(),
                        r.practicalExamStart(),
                        r.practicalPassDate()))
                .filter(Objects::nonNull)
                .map(LocalDate::getYear);
    }

    private static LocalDate scheduleFrom(List<ExamRound> rounds) {
        return scheduleYears(rounds)
                .min(Integer::compare)
                .map(y -> LocalDate.of(y, 1, 1))
                .orElse(null);
    }

    private static LocalDate scheduleUntil(List<ExamRound> rounds) {
        return scheduleYears(rounds)
                .max(Integer::compare)
                .map(y -> LocalDate.of(y, 12, 31))
                .orElse(null);
    }

    /** Up to five other qualifications of the same 직무분야, higher grades first, then by code. */
    private List<String> related(Qualification q) {
        if (q == null || q.field() == null) {
            return List.of();
        }
        return reference.all().stream()
                .filter(o -> o.grade() != null
                        && q.field().equals(o.field())
                        && !o.code().equals(q.code()))
                .sorted(Comparator.comparing((Qualification o) ->
                                kr.qfeedback.decision.FactDeriver.relatedRank(q.grade(), o.grade()))
                        .thenComparing(Qualification::code))
                .limit(5)
                .map(Qualification::name)
                .toList();
    }

    /**
     * The document situation the rules read: SUBMITTED as given; NOT_REQUIRED when the caller says so,
     * when policy asks no documents of this qualification's passers, or when a held qualification of
     * the same field and the same or a higher grade qualifies by itself (규 14조); else the caller's
     * status (UNKNOWN when not given), with _OVERDUE once the deadline has passed.
     */
    private String documents(FeedbackRequest request, LocalDate deadline) {
        Grade grade = request.qualification().grade();
        DocumentStatus status = request.candidate().eligibilityDocuments();
        boolean required =
                parameters.requiresDocuments(grade, request.qualification().code());
        boolean held = status != DocumentStatus.SUBMITTED
                && status != DocumentStatus.NOT_REQUIRED
                && required
                && heldQualifies(request, grade);
        return kr.qfeedback.decision.DocumentSituation.of(status, required, held, deadline, request.asOf());
    }

    private boolean heldQualifies(FeedbackRequest request, Grade grade) {
        if (grade == Grade.SERVICE) {
            return false;
        }
        Qualification own = reference.find(request.qualification().code()).orElse(null);
        if (own == null || own.field() == null) {
            return false;
        }
        return request.candidate().heldQualifications().stream()
                .map(code -> reference.find(code).orElse(null))
                .filter(Objects::nonNull)
                .anyMatch(h -> h.grade() != null
                        && h.grade() != Grade.SERVICE
                        && own.field().equals(h.field())
                        && h.grade().ordinal() <= grade.ordinal());
    }
}
