package kr.qfeedback.rules;

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
public final class Placeholders {
    public static final String UNKNOWN = "-";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** {@code [ … ]}: an optional part, left out when a placeholder inside it is unknown. */
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");

    /** The names of every {@link Placeholder}. */
    public static final Set<String> NAMES = java.util.Arrays.stream(Placeholder.values())
            .map(Placeholder::placeholderName)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Placeholders() {}

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

    /**
     * Whether every placeholder {@code template} names is one of {@code allowed} (an unknown name is
     * not): a text that names only values shared by many candidates can be filled once for them.
     */
    public static boolean namesOnly(String template, Set<Placeholder> allowed) {
        for (String name : namesIn(template)) {
            if (!allowed.contains(Placeholder.named(name))) {
                return false;
            }
        }
        return true;
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
        return KoreanParticles.needed(template) ? KoreanParticles.resolve(filled) : filled;
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
