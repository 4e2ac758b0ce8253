package kr.qfeedback.decision.plain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;
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
        Qualification qualification = reference.find(request.qualification().code()).orElse(null);
        List<ExamRound> rounds = qualification == null ? List.of() : qualification.rounds();
        Stage nextStage = exam.stage() == Stage.WRITTEN ? grade.secondStage() : null;

        PassCriterion criterion = criterion(qualification, grade, exam.stage());
        PlainScoreFacts scores = PlainScoreFacts.of(exam.totalScore(), exam.subjects(), criterion);

        LocalDate writtenPass = request.candidate().writtenPassAnnouncedOn();
        if (writtenPass == null && exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS) {
            writtenPass = exam.announcedOn();
        }
        PlainExemptionWindow exemption = writtenPass == null ? null
                : PlainExemptionWindow.of(writtenPass, parameters.exemptionYears(), request.asOf(), rounds, parameters.roundEvent());
        // The documents belong to the round whose written pass this is: for a written pass, this exam's own.
        boolean writtenPassNow = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
        LocalDate deadline = documentDeadline(rounds, writtenPassNow ? exam.announcedOn() : writtenPass);
        Integer age = request.candidate().birthDate() == null ? null
                : Period.between(request.candidate().birthDate(), request.asOf()).getYears();

        String name = request.qualification().name() != null ? request.qualification().name()
                : qualification != null ? qualification.name() : request.qualification().code();
        Stage scheduleStage = exam.stage() == Stage.WRITTEN ? Stage.WRITTEN : grade.secondStage();
        PlainDerivedFacts draft = new PlainDerivedFacts(request, exam.outcome(), qualification, name, nextStage, scores, exemption, age,
                PlainScheduleEntry.next(scheduleStage, rounds, request.asOf()).orElse(null),
                nextStage == null ? null : PlainScheduleEntry.next(nextStage, rounds, request.asOf()).orElse(null),
                deadline, List.of(), List.of());
        return new PlainDerivedFacts(request, draft.outcome(), qualification, name, nextStage, scores, exemption, age,
                draft.sameStageRound(), draft.nextStageRound(), deadline,
                draft.statisticsOf(exam.stage()), draft.statisticsOf(nextStage));
    }

    /** The qualification's own stated criterion, else the grade default from the parameters. */
    private PassCriterion criterion(Qualification qualification, Grade grade, Stage stage) {
        PassCriterion stated = qualification == null ? null
                : stage == Stage.WRITTEN ? qualification.writtenCriterion() : qualification.secondStageCriterion();
        return stated != null ? stated : parameters.defaultCriterion(grade, stage.isSecond());
    }

    private static LocalDate documentDeadline(List<ExamRound> rounds, LocalDate writtenPass) {
        if (writtenPass == null) {
            return null;
        }
        return rounds.stream()
                .filter(r -> writtenPass.equals(r.writtenPassDate()) && r.documentSubmissionEnd() != null)
                .map(ExamRound::documentSubmissionEnd)
                .findFirst().orElse(null);
    }
}
