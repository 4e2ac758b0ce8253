package kr.qfeedback.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kr.qfeedback.rules.Parameters;

/**
 * The whole-number values of the profile space around each threshold the rules and parameters
 * name (the exemption's days left, the candidate's age): one below, at and above, so that every
 * side of every threshold is tried.
 */
final class ThresholdValues {
    private ThresholdValues() {}

    /** Days of exemption left, from most to fewest; around the EXPIRING window and every rule's threshold. */
    static List<Integer> exemptionDays(Parameters parameters, RuleReads reads) {
        int expiring = parameters.exemptionExpiringDays();
        TreeSet<Integer> days = new TreeSet<>(List.of(-1, 0, expiring, expiring + 1, 729));
        addAround(days, reads.thresholds("exemptionDaysRemaining"), Integer.MIN_VALUE);
        return new ArrayList<>(days.descendingSet());
    }

    /** Ages: unknown first, then around the youth cut-off and every rule's threshold. */
    static List<Integer> ages(Parameters parameters, RuleReads reads) {
        TreeSet<Integer> age = new TreeSet<>(List.of(parameters.youthMaxAge(), parameters.youthMaxAge() + 1));
        addAround(age, reads.thresholds("age"), 0);
        List<Integer> ages = new ArrayList<>();
        ages.add(null);
        ages.addAll(age);
        return ages;
    }

    private static void addAround(TreeSet<Integer> values, Set<BigDecimal> thresholds, int minimum) {
        for (BigDecimal t : thresholds) {
            int whole = t.setScale(0, RoundingMode.FLOOR).intValue();
            boolean integral = t.compareTo(BigDecimal.valueOf(whole)) == 0;
            for (int v : integral ? new int[] {whole - 1, whole, whole + 1} : new int[] {whole, whole + 1}) {
                if (v >= minimum) {
                    values.add(v);
                }
            }
        }
    }
}
