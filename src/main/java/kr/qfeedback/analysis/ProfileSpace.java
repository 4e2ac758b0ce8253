package kr.qfeedback.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.rules.Parameters;
import kr.qfeedback.rules.model.Profile;

/**
 * Every profile the rules can be asked about, once each field is cut into the values that can
 * matter, keeping only combinations a request can produce (see {@code DerivedFacts.profile()},
 * {@code FeedbackRequestParser}, {@code ConsistencyCheck}):
 * <ul>
 * <li>stage × result × grade: the 9 outcomes; INTERVIEW only for PROFESSIONAL_ENGINEER, PRACTICAL never for it;</li>
 * <li>ABSENT has no score at all; PASS and FAIL always have a total score (the parser requires it);</li>
 * <li>no subject scores means no lowest subject score and no cut-off; a cut-off needs a lowest subject score
 *     under the highest subject minimum in the reference data and parameters; meeting the criterion means no cut-off,
 *     and a lowest score at or above every average minimum always meets it;</li>
 * <li>lowest subject score: 0, 39.9, 40, 59.9, 60, 100 and, for every number a rule compares it with, that number
 *     and the values 0.1 under and over it (scores have one decimal place);</li>
 * <li>the total score follows the criterion (75 when met, 45 when not), or, if a rule reads it, every boundary as above;</li>
 * <li>an unknown qualification has no statistics and no schedule; the next stage's statistics and schedule exist
 *     only after a written exam;</li>
 * <li>a written pass always knows its written pass date; days of exemption left only with that date, one of
 *     -1, 0, the expiring days, one more, 729 and each number a rule compares them with (±1);</li>
 * <li>age unknown, the youth maximum age, one more, and each number a rule compares it with (±1);</li>
 * <li>with a written pass date, a covered second-stage round LEFT, NONE_LEFT or UNKNOWN; without one, UNKNOWN;</li>
 * <li>documents SUBMITTED, NOT_SUBMITTED, NOT_REQUIRED or UNKNOWN, the last two also past their deadline;</li>
 * <li>the survey's last day passed or not only while the survey switch is on and a last day is set; otherwise
 *     not passed.</li>
 * </ul>
 * Values are listed so that the first profile of a group reads naturally as an example.
 */
final class ProfileSpace {
    private static final List<Grade> GRADE_ORDER = List.of(
            Grade.ENGINEER,
            Grade.INDUSTRIAL_ENGINEER,
            Grade.CRAFTSMAN,
            Grade.MASTER_CRAFTSMAN,
            Grade.SERVICE,
            Grade.PROFESSIONAL_ENGINEER);
    private static final List<String> DOCUMENTS = List.of(
            "UNKNOWN", "SUBMITTED", "NOT_SUBMITTED", "NOT_REQUIRED", "NOT_SUBMITTED_OVERDUE", "UNKNOWN_OVERDUE");
    private static final List<String> ROUNDS_LEFT = List.of("LEFT", "NONE_LEFT", "UNKNOWN");
    private static final List<Boolean> YES_NO = List.of(true, false);
    private static final List<Boolean> NO = List.of(false);

    /** Whether a written pass date is known, the days of exemption left and whether a covered round is left. */
    private record Exemption(boolean known, Integer daysRemaining, String roundsLeft) {}

    private final ScoreCombinations scores;
    private final List<Integer> exemptionDays;
    private final List<Integer> ages;
    private final List<Boolean> surveyEnded;

    ProfileSpace(Parameters parameters, ReferenceCatalogue reference, RuleReads reads) {
        this.scores = new ScoreCombinations(parameters, reference, reads);

        this.exemptionDays = ThresholdValues.exemptionDays(parameters, reads);
        this.ages = ThresholdValues.ages(parameters, reads);
        this.surveyEnded =
                parameters.surveyEnabled() && parameters.reminders().surveyEnd() != null ? List.of(false, true) : NO;
    }

    /** A superset of the values each field takes in the space, by field name (for grouping values up front). */
    Map<String, List<Object>> candidates() {
        Map<String, List<Object>> values = new HashMap<>();
        List<Object> outcomes = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            for (ExamResult result : ExamResult.values()) {
                outcomes.add(stage.name() + "_" + result.name());
            }
        }
        values.put("outcome", outcomes);
        values.put(
                "stage",
                Arrays.stream(Stage.values()).map(s -> (Object) s.name()).toList());
        values.put(
                "result",
                Arrays.stream(ExamResult.values()).map(r -> (Object) r.name()).toList());
        values.put("grade", GRADE_ORDER.stream().map(g -> (Object) g.name()).toList());
        for (String flag : List.of(
                "qualificationKnown",
                "scored",
                "subjectsScored",
                "belowSubjectMinimum",
                "scoreMeetsCriterion",
                "stageStatisticsKnown",
                "nextStageStatisticsKnown",
                "sameStageScheduleKnown",
                "nextStageScheduleKnown",
                "writtenPassKnown")) {
            values.put(flag, List.of(true, false));
        }
        values.put(
                "totalScore",
                withNull(Stream.of(true, false)
                        .flatMap(meets ->
                                Stream.of(true, false).flatMap(subjects -> scores.totals(meets, subjects).stream()))
                        .distinct()
                        .toList()));
        values.put("lowestSubjectScore", withNull(scores.lowestScores()));
        values.put("exemptionDaysRemaining", withNull(exemptionDays));
        values.put("exemptionRounds", new ArrayList<>(ROUNDS_LEFT));
        values.put("age", new ArrayList<>(ages));
        values.put("documents", new ArrayList<>(DOCUMENTS));
        values.put("surveyEnded", List.of(false, true));
        return values;
    }

    /** Some profile of the space, to probe single-field tests on. */
    Profile template() {
        Profile[] first = new Profile[1];
        outcome(Stage.WRITTEN, ExamResult.PASS, GRADE_ORDER.get(0), p -> {
            if (first[0] == null) {
                first[0] = p;
            }
        });
        return first[0];
    }

    private static List<Object> withNull(List<?> values) {
        List<Object> list = new ArrayList<>();
        list.add(null);
        list.addAll(values);
        return list;
    }

    /** Calls {@code action} with every profile of the space, in a fixed order. */
    void forEach(Consumer<Profile> action) {
        forEach((ProfileClasses) null, (p, weight) -> action.accept(p));
    }

    /**
     * Calls {@code action} once per class of the innermost, independent fields (age, documents, the
     * exemption's days and rounds left) instead of once per value, with the number of profiles the
     * call stands for: every group of {@code classes} is still reached, by the same first profile, and
     * the weights add up to the size of the space. Without classes every profile is called with weight 1.
     */
    void forEach(ProfileClasses classes, java.util.function.ObjIntConsumer<Profile> action) {
        forEachByOutcome((stage, result) -> classes, action);
    }

    /** {@link #forEach(ProfileClasses, java.util.function.ObjIntConsumer)} with the classes of each outcome. */
    void forEachByOutcome(
            java.util.function.BiFunction<Stage, ExamResult, ProfileClasses> classesOf,
            java.util.function.ObjIntConsumer<Profile> action) {
        for (Stage stage : Stage.values()) {
            for (ExamResult result : ExamResult.values()) {
                ProfileClasses classes = classesOf.apply(stage, result);
                List<Weighted<Integer>> ages =
                        Weighted.of(this.ages, v -> classes == null ? null : classes.classOf("age", v));
                List<Weighted<String>> documents =
                        Weighted.of(DOCUMENTS, v -> classes == null ? null : classes.classOf("documents", v));
                List<Weighted<Exemption>> exemptions = Weighted.of(
                        exemptions(stage == Stage.WRITTEN && result == ExamResult.PASS),
                        e -> classes == null
                                ? null
                                : List.of(
                                        e.known(),
                                        classes.classOf("exemptionDaysRemaining", e.daysRemaining()),
                                        classes.classOf("exemptionRounds", e.roundsLeft())));
                for (Grade grade : GRADE_ORDER) {
                    if (stage.isSecond() && stage != grade.secondStage()) {
                        continue;
                    }
                    // outermost: a second value only while a survey with a last day runs
                    for (boolean ended : surveyEnded) {
                        outcome(stage, result, grade, ages, documents, exemptions, ended, action);
                    }
                }
            }
        }
    }

    /** A profile of the outcome {@code stage}/{@code result}, for asking which rules can apply to it. */
    Profile probe(Stage stage, ExamResult result) {
        Profile t = template();
        return new Profile(
                stage.name() + "_" + result.name(),
                stage.name(),
                result.name(),
                t.grade(),
                t.qualificationKnown(),
                t.scored(),
                t.subjectsScored(),
                t.totalScore(),
                t.lowestSubjectScore(),
                t.belowSubjectMinimum(),
                t.scoreMeetsCriterion(),
                t.stageStatisticsKnown(),
                t.nextStageStatisticsKnown(),
                t.sameStageScheduleKnown(),
                t.nextStageScheduleKnown(),
                t.writtenPassKnown(),
                t.exemptionDaysRemaining(),
                t.exemptionRounds(),
                t.age(),
                t.documents(),
                t.surveyEnded());
    }

    private void outcome(Stage stage, ExamResult result, Grade grade, Consumer<Profile> action) {
        List<Weighted<Integer>> ages = Weighted.of(this.ages, v -> null);
        List<Weighted<String>> documents = Weighted.of(DOCUMENTS, v -> null);
        List<Weighted<Exemption>> exemptions =
                Weighted.of(exemptions(stage == Stage.WRITTEN && result == ExamResult.PASS), e -> null);
        for (boolean ended : surveyEnded) {
            outcome(stage, result, grade, ages, documents, exemptions, ended, (p, w) -> action.accept(p));
        }
    }

    private void outcome(
            Stage stage,
            ExamResult result,
            Grade grade,
            List<Weighted<Integer>> ages,
            List<Weighted<String>> documents,
            List<Weighted<Exemption>> exemptions,
            boolean ended,
            java.util.function.ObjIntConsumer<Profile> action) {
        boolean written = stage == Stage.WRITTEN;
        List<ScoreCombinations.Score> combinations = scores.of(result);
        for (boolean known : YES_NO) {
            for (ScoreCombinations.Score score : combinations) {
                for (boolean stageStatistics : known ? YES_NO : NO) {
                    for (boolean nextStatistics : known && written ? YES_NO : NO) {
                        for (boolean sameSchedule : known ? YES_NO : NO) {
                            for (boolean nextSchedule : known && written ? YES_NO : NO) {
                                for (Weighted<Exemption> we : exemptions) {
                                    Exemption exemption = we.value();
                                    for (Weighted<Integer> age : ages) {
                                        for (Weighted<String> document : documents) {
                                            action.accept(
                                                    new Profile(
                                                            stage.name() + "_" + result.name(),
                                                            stage.name(),
                                                            result.name(),
                                                            grade.name(),
                                                            known,
                                                            score.scored(),
                                                            score.subjectsScored(),
                                                            score.total(),
                                                            score.lowest(),
                                                            score.below(),
                                                            score.meets(),
                                                            stageStatistics,
                                                            nextStatistics,
                                                            sameSchedule,
                                                            nextSchedule,
                                                            exemption.known(),
                                                            exemption.daysRemaining(),
                                                            exemption.roundsLeft(),
                                                            age.value(),
                                                            document.value(),
                                                            ended),
                                                    we.weight() * age.weight() * document.weight());
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private List<Exemption> exemptions(boolean writtenPass) {
        List<Exemption> list = new ArrayList<>();
        if (!writtenPass) {
            list.add(new Exemption(false, null, "UNKNOWN"));
        }
        for (Integer days : exemptionDays) {
            for (String rounds : ROUNDS_LEFT) {
                list.add(new Exemption(true, days, rounds));
            }
        }
        return list;
    }
}
