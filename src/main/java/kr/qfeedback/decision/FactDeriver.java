package kr.qfeedback.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.qfeedback.feedback.DocumentStatus;
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
    /** How many same-field qualifications a related-qualifications section names. */
    private static final int RELATED_SHOWN = 5;
    /** A written pass whose documents were not in by the deadline: void (규 14조), the written exam comes next. */
    private static final String VOID_PASS = "NOT_SUBMITTED_OVERDUE";

    private final Parameters parameters;
    private final Map<String, QualificationFacts> byCode;
    private final ExemptionWindow.Proviso proviso;
    /** The codes with a criterion exception, for the common case of none. */
    private final java.util.Set<String> exceptions;

    public FactDeriver(ReferenceCatalogue reference, Parameters parameters) {
        Objects.requireNonNull(reference, "reference must not be null");
        this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
        this.proviso = new ExemptionWindow.Proviso(parameters.provisoEnabled(), parameters.provisoMinimumRounds());
        this.exceptions = java.util.Set.copyOf(parameters.criterionExceptions().stream()
                .map(Parameters.CriterionException::code)
                .toList());
        Map<String, QualificationFacts> facts = new HashMap<>(reference.size() * 2);
        Map<String, List<Qualification>> byField = new LinkedHashMap<>();
        for (Qualification q : reference.all()) {
            facts.put(q.code(), new QualificationFacts(parameters.seriesSchedule() ? withSeriesDates(q) : q));
            if (q.field() != null && q.grade() != null) {
                byField.computeIfAbsent(q.field(), f -> new ArrayList<>()).add(q);
            }
        }
        for (QualificationFacts f : facts.values()) {
            Qualification q = f.qualification();
            List<Qualification> same = new ArrayList<>(byField.getOrDefault(q.field(), List.of()));
            same.removeIf(other -> other.code().equals(q.code()));
            same.sort(Comparator.comparingInt((Qualification other) -> relatedRank(q.grade(), other.grade()))
                    .thenComparing(Qualification::code));
            f.relate(same.stream().limit(RELATED_SHOWN).map(Qualification::name).toList());
        }
        this.byCode = facts;
    }

    /**
     * The order in which same-field qualifications are suggested: the next higher grades first
     * (산업기사 before 기사 before 기술사 for a 기능사), then the same grade, then lower ones.
     */
    public static int relatedRank(Grade own, Grade other) {
        if (own == null) {
            return other.ordinal();
        }
        int step = own.ordinal() - other.ordinal();
        return step > 0 ? step : step == 0 ? 50 : 100 - step;
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

        ScoreFacts scores = judge(request);
        LocalDate surveyEnd = parameters.reminders().surveyEnd();

        // A new written pass always opens a new window from this exam's announcement (영 21조①).
        boolean writtenPassNow = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
        LocalDate writtenPass =
                writtenPassNow ? exam.announcedOn() : request.candidate().writtenPassAnnouncedOn();
        ExemptionWindow exemption = writtenPass == null
                ? null
                : ExemptionWindow.of(
                        writtenPass,
                        parameters.exemptionYears(),
                        request.asOf(),
                        rounds,
                        parameters.roundEvent(),
                        known == null ? null : known.scheduleFrom(),
                        known == null ? null : known.scheduleUntil(),
                        proviso);
        ExamRound documentRound = known == null ? null : known.documentRound(writtenPass);
        LocalDate deadline = documentRound == null ? null : documentRound.documentSubmissionEnd();
        Integer age = request.candidate().birthDate() == null
                ? null
                : request.asOf().getYear() - 1 - request.candidate().birthDate().getYear();

        String name = request.qualification().name() != null
                ? request.qualification().name()
                : qualification != null ? qualification.name() : code;
        // The next round this candidate can sit: once no second-stage round is left in the
        // exemption window, only the written exam is open to them.
        String documents = documents(request, deadline);
        boolean writtenAgain = exemption != null && ExemptionWindow.NONE_LEFT.equals(exemption.roundsLeft())
                || writtenPassNow && VOID_PASS.equals(documents);
        Stage scheduleStage = exam.stage() == Stage.WRITTEN || writtenAgain ? Stage.WRITTEN : grade.secondStage();
        ScheduleEntry sameStageRound = known == null ? null : known.nextRound(scheduleStage, request.asOf());
        ScheduleEntry nextStageRound = known == null || nextStage == null
                ? null
                : known.nextRound(writtenAgain ? Stage.WRITTEN : nextStage, request.asOf());
        return new DerivedFacts(
                request,
                exam.outcome(),
                qualification,
                known,
                name,
                nextStage,
                scores,
                exemption,
                age,
                sameStageRound,
                nextStageRound,
                deadline,
                documentRound == null ? null : documentRound.documentSubmissionStart(),
                documents,
                known == null || !known.sat(exam.stage()) ? List.of() : known.statisticsOf(exam.stage()),
                known == null || nextStage == null || !known.sat(nextStage) ? List.of() : known.statisticsOf(nextStage),
                surveyEnd != null && request.asOf().isAfter(surveyEnd));
    }

    /**
     * The qualification with the series schedule's date wherever its own schedule disagrees
     * (the policy choice of parameters.yaml; the import report lists each disagreement).
     */
    private static Qualification withSeriesDates(Qualification q) {
        if (q.scheduleDisagreements().isEmpty()) {
            return q;
        }
        List<ExamRound> rounds = new ArrayList<>();
        for (ExamRound round : q.rounds()) {
            ExamRound adjusted = round;
            for (var d : q.scheduleDisagreements()) {
                if (d.roundLabel().equals(round.label())) {
                    adjusted = adjusted.withDate(d.field(), d.seriesValue());
                }
            }
            rounds.add(adjusted);
        }
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

    /** The scores of a request judged against the criterion that applies to its qualification and stage. */
    public ScoreFacts judge(FeedbackRequest request) {
        var exam = request.exam();
        Grade grade = request.qualification().grade();
        boolean second = exam.stage().isSecond();
        String code = request.qualification().code();
        PassCriterion criterion = code == null || !exceptions.contains(code)
                ? parameters.defaultCriterion(grade, second)
                : parameters.criterion(code, grade, second);
        return ScoreFacts.of(
                exam.totalScore(), exam.subjects(), criterion, parameters.judgedOnWholePaper(grade, second));
    }

    /**
     * The candidate's eligibility-document situation as the rules read it: NOT_REQUIRED when the
     * caller says so, when policy does not ask this qualification's passers for documents, or when
     * a held qualification of the same 직무분야 and the same or a higher grade meets the eligibility
     * by itself (규 14조); else the caller's status (UNKNOWN when not given), with {@code _OVERDUE}
     * appended once the deadline has passed without the documents being known to be in.
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
        return DocumentSituation.of(status, required, held, deadline, request.asOf());
    }

    private boolean heldQualifies(FeedbackRequest request, Grade grade) {
        List<String> held = request.candidate().heldQualifications();
        if (held.isEmpty() || grade == Grade.SERVICE) {
            return false;
        }
        QualificationFacts own = byCode.get(request.qualification().code());
        if (own == null || own.qualification().field() == null) {
            return false;
        }
        for (String code : held) {
            QualificationFacts h = byCode.get(code);
            if (h != null
                    && h.qualification().grade() != null
                    && h.qualification().grade() != Grade.SERVICE
                    && own.qualification().field().equals(h.qualification().field())
                    && h.qualification().grade().ordinal() <= grade.ordinal()) {
                return true;
            }
        }
        return false;
    }
}
