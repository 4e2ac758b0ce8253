package kr.qfeedback.decision;

import java.util.EnumSet;
import java.util.Set;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.rules.CompiledTemplate;
import kr.qfeedback.rules.Placeholder;
import kr.qfeedback.rules.Placeholders;
import kr.qfeedback.rules.RuleSet;

/**
 * What text messages share between candidates: the SMS of a qualification, stage and result (when
 * its template names nothing of the candidate's own), filled once per rule set instead of once per
 * decision, as one fixed piece ({@link Text#fixed}) whose encoded bytes the decision JSON keeps.
 */
final class TextMessageMemo {
    /** What an SMS may name to read the same for a qualification, stage and result (not the request's grade). */
    private static final Set<Placeholder> SAME_FOR_THE_RESULT = EnumSet.of(
            Placeholder.QUALIFICATION_NAME, Placeholder.STAGE_NAME, Placeholder.RESULT_NAME, Placeholder.RESULT_LINK);
    /** Each result, and a written pass made void (read differently). */
    private static final int RESULTS = ExamResult.values().length + 1;

    private final boolean smsSameForTheResult;

    TextMessageMemo(RuleSet rules) {
        smsSameForTheResult = Placeholders.namesOnly(rules.messages().sms(), SAME_FOR_THE_RESULT);
    }

    /** The SMS, filled once per qualification, stage and result when it reads the same for all of them. */
    Text sms(DerivedFacts facts, boolean voidPass, CompiledTemplate template, CompiledTemplate.Values values) {
        QualificationFacts qualification = facts.reference();
        if (!smsSameForTheResult || qualification == null) {
            return template.fillText(values);
        }
        var exam = facts.request().exam();
        int index = exam.stage().ordinal() * RESULTS
                + (voidPass ? RESULTS - 1 : exam.result().ordinal());
        Text[] texts = qualification.smsTexts;
        Text text = texts[index];
        if (text == null) { // two threads may both fill it: the same text either way
            text = Text.fixed(template.fill(values));
            texts[index] = text;
        }
        return text;
    }

    /** How many SMS texts a qualification keeps: one per stage and result (with a void pass). */
    static int smsSlots() {
        return Stage.values().length * RESULTS;
    }
}
