package kr.qfeedback.decision;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Derives the facts of one request from the reference data and the parameters of a rule set. What
 * every candidate of a qualification shares ({@link QualificationFacts}) is arranged once, when the
 * deriver is made; keep one deriver per rule set.
 */
public final class FactDeriver {
    private final Parameters parameters;
    private final Map<String, QualificationFacts> byCode;

    public FactDeriver(ReferenceCatalogue reference, Parameters parameters) {
        Objects.requireNonNull(reference, "reference must not be null");
        this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
        Map<String, QualificationFacts> facts = new HashMap<>(reference.size() * 2);
        for (Qualification q : reference.all()) {
            facts.put(q.code(), new QualificationFacts(q));
        }
        this.byCode = facts;
    }

    public DerivedFacts derive(FeedbackRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        var exam = request.exam();
        var grade = request.qualification().grade();
        String code = request.qualification().code();
        QualificationFacts known = code == null ? null : byCode.get(code);
        Qualification qualification = known == null ? null : known.qualification();
        List<ExamRound> rounds = qualification == null ? List.of() : qualification.rounds();
        Stage nextStage = exam.stage() == Stage.WRITTEN ? grade.secondStage() : null;

        PassCriterion criterion = criterion(qualification, grade, exam.stage());
        ScoreFacts scores = ScoreFacts.of(exam.totalScore(), exam.subjects(), criterion);

        LocalDate writtenPass = request.candidate().writtenPassAnnouncedOn();
        if (writtenPass == null && exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS) {
            writtenPass = exam.announcedOn();
        }
        ExemptionWindow exemption = writtenPass == null ? null
                : ExemptionWindow.of(writtenPass, parameters.exemptionYears(), request.asOf(), rounds, parameters.roundEvent());
        // The documents belong to the round whose written pass this is: for a written pass, this exam's own.
        boolean writtenPassNow = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
        LocalDate deadline = known == null ? null : known.documentDeadline(writtenPassNow ? exam.announcedOn() : writtenPass);
        Integer age = request.candidate().birthDate() == null ? null
                : Period.between(request.candidate().birthDate(), request.asOf()).getYears();

        String name = request.qualification().name() != null ? request.qualification().name()
                : qualification != null ? qualification.name() : code;
        Stage scheduleStage = exam.stage() == Stage.WRITTEN ? Stage.WRITTEN : grade.secondStage();
        ScheduleEntry sameStageRound = known == null ? null : known.nextRound(scheduleStage, request.asOf());
        ScheduleEntry nextStageRound = known == null || nextStage == null ? null : known.nextRound(nextStage, request.asOf());
        return new DerivedFacts(request, exam.outcome(), qualification, known, name, nextStage, scores, exemption, age,
                sameStageRound, nextStageRound, deadline,
                known == null ? List.of() : known.statisticsOf(exam.stage()),
                known == null || nextStage == null ? List.of() : known.statisticsOf(nextStage));
    }

    /** The qualification's own stated criterion, else the grade default from the parameters. */
    private PassCriterion criterion(Qualification qualification, Grade grade, Stage stage) {
        PassCriterion stated = qualification == null ? null
                : stage == Stage.WRITTEN ? qualification.writtenCriterion() : qualification.secondStageCriterion();
        return stated != null ? stated : parameters.defaultCriterion(grade, stage.isSecond());
    }
}
