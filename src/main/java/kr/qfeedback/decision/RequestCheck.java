package kr.qfeedback.decision;

import java.util.Optional;
import kr.qfeedback.feedback.ConsistencyCheck;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Inconsistency;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.rules.RuleSet;

/**
 * Checks a well-formed request against itself and against the rule set it will be decided with
 * (422 INCONSISTENT): the field contradictions of {@link ConsistencyCheck}, then a written result
 * that its own scores contradict under the qualification's criterion (영 20조). A written FAIL
 * whose scores meet the criterion is refused as well: the written exam is scored by machine and a
 * candidate must never be told a shortfall that is not there (docs/domain.md: "a written result
 * that its own scores contradict is an inconsistent request"). A practical or interview FAIL with
 * a passing score is legitimate (영 20조③) and is not checked here.
 */
public final class RequestCheck {

    private RequestCheck() {}

    public static Optional<Inconsistency> check(FeedbackRequest request, RuleSet rules) {
        Grade knownGrade = rules.reference()
                .find(request.qualification().code())
                .map(Qualification::grade)
                .orElse(null);
        Optional<Inconsistency> fields = ConsistencyCheck.check(request, knownGrade);
        if (fields.isPresent()) {
            return fields;
        }
        var exam = request.exam();
        if (exam.stage() != Stage.WRITTEN || exam.result() == ExamResult.ABSENT || exam.totalScore() == null) {
            return Optional.empty();
        }
        ScoreFacts scores = FeedbackDecider.deriverFor(rules).judge(request);
        PassCriterion criterion = scores.criterion();
        if (criterion == null || scores.meetsCriterion() == (exam.result() == ExamResult.PASS)) {
            return Optional.empty();
        }
        boolean wholePaper =
                rules.parameters().judgedOnWholePaper(request.qualification().grade(), false);
        String rule = describe(criterion, wholePaper || exam.subjects().isEmpty());
        if (exam.result() == ExamResult.PASS) {
            for (SubjectScore s : exam.subjects()) {
                if (criterion.subjectMinimum() != null && s.score() < criterion.subjectMinimum()) {
                    return fail(
                            "exam.result is PASS, but subject '" + s.name() + "' scored " + ScoreFacts.plain(s.score())
                                    + ", under the subject minimum of " + criterion.subjectMinimum() + " (" + rule
                                    + "); a written exam with a subject under it is failed (영 20조). Send the result Q-Net announced.");
                }
            }
            return fail("exam.result is PASS, but "
                    + (wholePaper || exam.subjects().isEmpty()
                            ? "exam.totalScore " + ScoreFacts.plain(exam.totalScore()) + " is under "
                                    + criterion.averageMinimum() + " out of 100"
                            : "the subjects' average " + ScoreFacts.plain(scores.average()) + " is under "
                                    + criterion.averageMinimum())
                    + " (" + rule + "), compared at full precision. Send the result Q-Net announced.");
        }
        return fail("exam.result is FAIL, but the scores meet this qualification's written criterion (" + rule
                + "): a written result its own scores contradict cannot be explained to the candidate. "
                + "Send the result Q-Net announced with the scores it was judged on.");
    }

    private static String describe(PassCriterion c, boolean wholePaper) {
        String average =
                wholePaper ? c.averageMinimum() + " out of 100" : "an average of at least " + c.averageMinimum();
        return c.subjectMinimum() == null
                ? average
                : "every subject at least " + c.subjectMinimum() + " and " + average;
    }

    private static Optional<Inconsistency> fail(String message) {
        return Optional.of(new Inconsistency("exam.result", message));
    }
}
