package kr.qfeedback.decision.plain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named placeholders message templates may use, and how a template is filled. The names are
 * the project's vocabulary (see rules/README.md); a value that is unknown for a decision is shown
 * as {@link #UNKNOWN}.
 */
public final class PlainPlaceholders {
    public static final String UNKNOWN = "-";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** {@code [ … ]}: an optional part, left out when a placeholder inside it is unknown. */
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    /** A particle written in both forms, after a consonant and after a vowel: 은(는), 으로(로), … */
    private static final Pattern PARTICLE = Pattern.compile("으로\\(로\\)|은\\(는\\)|이\\(가\\)|을\\(를\\)|과\\(와\\)");

    private static final List<String> PARTICLES = List.of("으로(로)", "은(는)", "이(가)", "을(를)", "과(와)");

    public static final Set<String> NAMES = Set.of(
            "qualificationName",
            "qualificationCode",
            "field",
            "gradeName",
            "stageName",
            "nextStageName",
            "resultName",
            "round",
            "totalScore",
            "average",
            "asOf",
            "subjectMinimum",
            "averageMinimum",
            "shortfall",
            "failedSubjects",
            "subjects",
            "weakest",
            "year",
            "applicants",
            "passers",
            "passRate",
            "passerAverage",
            "topPercent",
            "trendStageName",
            "firstYear",
            "lastYear",
            "lastPassRate",
            "writtenPassRate",
            "secondStagePassRate",
            "validFrom",
            "validUntil",
            "daysRemaining",
            "statusName",
            "practicalRoundsLeft",
            "deadline",
            "scheduleStageName",
            "roundLabel",
            "registrationStart",
            "registrationEnd",
            "examDate",
            "maxAge",
            "youthBornFrom",
            "exemptionYears",
            "expiringDays",
            "provisoRounds",
            "meanMinimum",
            "wholePaperMinimum",
            "documentStart",
            "fee",
            "relatedQualifications",
            "surveyEnd",
            "resultLink",
            "reminders");

    private PlainPlaceholders() {}

    /** Calls {@code onUnknown} with each placeholder name in {@code template} that is not in {@link #NAMES}. */
    public static void checkNames(String template, Consumer<String> onUnknown) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                onUnknown.accept(m.group(1));
            }
        }
        String withoutPlaceholders = PLACEHOLDER.matcher(template).replaceAll("");
        if (withoutPlaceholders.contains("{") || withoutPlaceholders.contains("}")) {
            onUnknown.accept("{ 또는 } 짝이 맞지 않음");
        }
        String withoutOptional = OPTIONAL.matcher(template).replaceAll("");
        if (withoutOptional.contains("[") || withoutOptional.contains("]")) {
            onUnknown.accept("[ 또는 ] 짝이 맞지 않음");
        }
    }

    public static List<String> namesIn(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder kept = new StringBuilder();
        while (optional.find()) {
            boolean known = namesIn(optional.group(1)).stream().allMatch(name -> values.get(name) != null);
            optional.appendReplacement(kept, Matcher.quoteReplacement(known ? optional.group(1) : ""));
        }
        optional.appendTail(kept);
        String filled = fillPlaceholders(kept.toString(), values);
        return PARTICLES.stream().anyMatch(template::contains) ? resolveParticles(filled) : filled;
    }

    /**
     * Each two-form particle replaced by the form that fits the sound before it (closing brackets,
     * quotes and spaces skipped): the first form after a final consonant, the second after a vowel;
     * before 으로(로) a final ㄹ counts as a vowel. Digits are read as Korean numbers, Latin letters
     * by their last sound (l and r as ㄹ, m and n as consonants, the rest as vowels).
     */
    static String resolveParticles(String text) {
        Matcher m = PARTICLE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String pair = m.group();
            String afterConsonant = pair.substring(0, pair.indexOf('('));
            String afterVowel = pair.substring(pair.indexOf('(') + 1, pair.length() - 1);
            out.append(text, last, m.start());
            String sound = finalSound(out.toString().replaceAll("[)\\]'\"’” ]+\\z", ""));
            boolean first = afterConsonant.equals("으로") ? sound.equals("consonant") : !sound.equals("vowel");
            out.append(first ? afterConsonant : afterVowel);
            last = m.end();
        }
        out.append(text.substring(last));
        return out.toString();
    }

    /** "vowel", "rieul" or "consonant": how the text ends (a vowel when it is empty). */
    private static String finalSound(String before) {
        if (before.isEmpty()) {
            return "vowel";
        }
        char c = before.charAt(before.length() - 1);
        if (c >= '가' && c <= '힣') {
            int jongseong = (c - '가') % 28;
            return jongseong == 0 ? "vowel" : jongseong == 8 ? "rieul" : "consonant";
        }
        if (c >= '0' && c <= '9') {
            return "2459".indexOf(c) >= 0 ? "vowel" : "178".indexOf(c) >= 0 ? "rieul" : "consonant";
        }
        char lower = Character.toLowerCase(c);
        return lower == 'l' || lower == 'r' ? "rieul" : lower == 'm' || lower == 'n' ? "consonant" : "vowel";
    }

    private static String fillPlaceholders(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? UNKNOWN : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
