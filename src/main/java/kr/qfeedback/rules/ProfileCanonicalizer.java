package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.rules.model.PolicyParameters;
import kr.qfeedback.rules.model.Profile;

/**
 * Maps a profile to a representative of the profiles the rules cannot tell apart, so that rule
 * outcomes can be memoised exactly per rule set. The rules read the numeric fields of
 * {@link Profile} only through comparisons with constants (a table cell such as
 * {@code lowestSubjectScore < 60}, or a parameter such as {@code exemptionDaysRemaining <= $days});
 * two values that compare alike with every such constant get the same outcome. The constants are
 * read from the compiled DRL text. A field used in any other way (arithmetic, comparison with
 * another field, a right-hand side) is kept exact; a field no rule mentions is dropped to null.
 */
final class ProfileCanonicalizer {
    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
    private static final Pattern PARAMETER_BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*(\\w+)");
    private static final List<String> FIELDS =
            List.of("totalScore", "lowestSubjectScore", "exemptionDaysRemaining", "age");

    /** How one numeric field is treated. Thresholds are sorted; null means exact. */
    private record FieldRule(boolean used, double[] thresholds) {
        boolean exact() {
            return used && thresholds == null;
        }
    }

    private final Map<String, FieldRule> fields;
    /** The rules of {@link #FIELDS}, read for every profile: kept apart from the map. */
    private final FieldRule totalScore;

    private final FieldRule lowestSubjectScore;
    private final FieldRule exemptionDaysRemaining;
    private final FieldRule age;

    private ProfileCanonicalizer(Map<String, FieldRule> fields) {
        this.fields = Map.copyOf(fields);
        this.totalScore = fields.get("totalScore");
        this.lowestSubjectScore = fields.get("lowestSubjectScore");
        this.exemptionDaysRemaining = fields.get("exemptionDaysRemaining");
        this.age = fields.get("age");
    }

    static ProfileCanonicalizer from(List<String> drlTexts, PolicyParameters parameters) {
        String all = String.join("\n", drlTexts);
        Map<String, Double> parameterValues = Map.of(
                "exemptionExpiringDays", (double) parameters.exemptionExpiringDays(),
                "youthMaxAge", (double) parameters.youthMaxAge());
        Map<String, Double> bindings = new HashMap<>();
        Matcher b = PARAMETER_BINDING.matcher(all);
        while (b.find()) {
            Double value = parameterValues.get(b.group(2));
            if (value != null) {
                bindings.put(b.group(1), value);
            }
        }
        Map<String, FieldRule> result = new HashMap<>();
        for (String field : FIELDS) {
            result.put(field, analyse(all, field, bindings));
        }
        return new ProfileCanonicalizer(result);
    }

    private static FieldRule analyse(String drl, String field, Map<String, Double> bindings) {
        Pattern mention = Pattern.compile("\\b" + field + "\\b");
        Pattern comparison =
                Pattern.compile("\\b" + field + "\\s*(<=|>=|==|!=|<|>)\\s*(null\\b|" + NUMBER + "|\\$\\w+)");
        Matcher m = mention.matcher(drl);
        int mentions = 0;
        while (m.find()) {
            mentions++;
        }
        if (mentions == 0) {
            return new FieldRule(false, new double[0]);
        }
        TreeSet<Double> thresholds = new TreeSet<>();
        Matcher c = comparison.matcher(drl);
        int recognised = 0;
        while (c.find()) {
            String operand = c.group(2);
            if (operand.equals("null")) {
                recognised++;
            } else if (operand.startsWith("$")) {
                Double value = bindings.get(operand);
                if (value == null) {
                    return new FieldRule(true, null);
                }
                thresholds.add(value);
                recognised++;
            } else {
                thresholds.add(Double.parseDouble(operand));
                recognised++;
            }
        }
        if (recognised != mentions) {
            return new FieldRule(true, null);
        }
        double[] t = new double[thresholds.size()];
        int i = 0;
        for (double v : thresholds) {
            t[i++] = v;
        }
        return new FieldRule(true, t);
    }

    Profile canonical(Profile p) {
        return new Profile(
                p.outcome(),
                p.stage(),
                p.result(),
                p.grade(),
                p.qualificationKnown(),
                p.scored(),
                p.subjectsScored(),
                doubleValue(totalScore, p.totalScore()),
                doubleValue(lowestSubjectScore, p.lowestSubjectScore()),
                p.belowSubjectMinimum(),
                p.scoreMeetsCriterion(),
                p.stageStatisticsKnown(),
                p.nextStageStatisticsKnown(),
                p.sameStageScheduleKnown(),
                p.nextStageScheduleKnown(),
                p.writtenPassKnown(),
                intValue(exemptionDaysRemaining, p.exemptionDaysRemaining()),
                p.exemptionRounds(),
                intValue(age, p.age()),
                p.documents(),
                p.surveyEnded());
    }

    private static Double doubleValue(FieldRule rule, Double value) {
        if (value == null || rule.exact()) {
            return value;
        }
        if (!rule.used()) {
            return null;
        }
        return representative(rule.thresholds(), value);
    }

    private static Integer intValue(FieldRule rule, Integer value) {
        if (value == null || rule.exact()) {
            return value;
        }
        if (!rule.used()) {
            return null;
        }
        double r = representative(rule.thresholds(), value);
        // Integer fields: the representative of an open interval must itself be a whole number
        // strictly inside it; when none exists the value itself is kept.
        return r == Math.rint(r) ? Integer.valueOf((int) r) : value;
    }

    /**
     * The equivalence class of {@code v} against the thresholds: a threshold itself, or a point
     * strictly between two neighbours (or beyond the ends).
     */
    private static double representative(double[] t, double v) {
        if (t.length == 0) {
            return 0;
        }
        int i = java.util.Arrays.binarySearch(t, v);
        if (i >= 0) {
            return t[i];
        }
        int insertion = -i - 1;
        if (insertion == 0) {
            return Math.floor(t[0]) - 1 < t[0] ? Math.floor(t[0]) - 1 : t[0] - 1;
        }
        if (insertion == t.length) {
            return Math.floor(t[t.length - 1]) + 1;
        }
        double low = t[insertion - 1];
        double high = t[insertion];
        double whole = Math.floor(low) + 1;
        if (whole < high) {
            return whole;
        }
        return (low + high) / 2;
    }

    /** For tests and the memo statistics: which fields are exact, dropped or grouped. */
    Map<String, String> describe() {
        Map<String, String> out = new HashMap<>();
        fields.forEach((name, rule) -> out.put(
                name, !rule.used() ? "unused" : rule.exact() ? "exact" : "thresholds " + toList(rule.thresholds())));
        return Collections.unmodifiableMap(out);
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
