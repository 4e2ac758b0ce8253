package kr.qfeedback.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.feedback.SectionId;

/**
 * The DRL the decision tables of the last few versions became, by the SHA-256 of exactly their
 * workbooks (each table's path and bytes). A version that changes only texts, links or parameters
 * has the same workbooks, so it takes their DRL instead of reading them with POI and converting
 * them again: in a publish under load that was a second of CPU and most of its allocation.
 *
 * <p>A table's conversion reads one other file: each shown section's message must be in
 * messages.yaml. Kept DRL is therefore taken only when the new messages still have every
 * (section, message) it names; otherwise the workbooks are read again and the missing message
 * reported at its cell as before. Only conversions without problems are kept; at most {@value
 * #CAPACITY}, in memory only.
 */
final class ConvertedTables {
    static final int CAPACITY = 4;
    static final ConvertedTables SHARED = new ConvertedTables();
    private static final Pattern RULE = Pattern.compile("(?s)\\brule\\s+\".*?\\bend\\b");
    private static final Pattern SHOWN = Pattern.compile("new SectionShown\\(\"([A-Z_]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("\\.setMessage\\(\"([^\"\\\\]*)\"\\)");

    /** The tables' DRL and the messages it names. */
    record Converted(List<GeneratedDrl> drl, Set<Map.Entry<SectionId, String>> messagesNamed) {
        /** Whether {@code messages} has every message this DRL names (so converting again would report nothing new). */
        boolean namesOnlyMessagesOf(MessageCatalogue messages) {
            return messages != null
                    && messagesNamed.stream()
                            .allMatch(m ->
                                    messages.template(m.getKey(), m.getValue()).isPresent());
        }
    }

    private final Map<String, Converted> byWorkbooks = LastUsed.atMost(CAPACITY);
    private final java.util.concurrent.atomic.AtomicLong found = new java.util.concurrent.atomic.AtomicLong();

    /** The kept DRL of exactly these tables' workbooks, if any. */
    synchronized Optional<Converted> find(RuleFiles files, List<String> tables) {
        Optional<Converted> kept = Optional.ofNullable(byWorkbooks.get(keyOf(files, tables)));
        kept.ifPresent(k -> found.incrementAndGet());
        return kept;
    }

    /** How many look-ups found kept DRL (tests). */
    long found() {
        return found.get();
    }

    /**
     * Keeps {@code drl}, converted without problems from {@code tables} with {@code messages}; not
     * kept when the messages it names cannot be read from it with certainty.
     */
    synchronized void keep(RuleFiles files, List<String> tables, List<GeneratedDrl> drl, MessageCatalogue messages) {
        messagesNamedIn(drl)
                .map(named -> new Converted(List.copyOf(drl), named))
                .filter(converted -> converted.namesOnlyMessagesOf(messages)) // as the conversion checked
                .ifPresent(converted -> byWorkbooks.put(keyOf(files, tables), converted));
    }

    /**
     * Each rule's shown section and its message, as the table template writes them; empty unless
     * every rule that shows a section was read with exactly one message (a table row that shows a
     * section must have one).
     */
    static Optional<Set<Map.Entry<SectionId, String>>> messagesNamedIn(List<GeneratedDrl> drl) {
        Set<Map.Entry<SectionId, String>> named = new HashSet<>();
        for (GeneratedDrl source : drl) {
            int shownRules = 0;
            Matcher rule = RULE.matcher(source.drl());
            while (rule.find()) {
                Matcher shown = SHOWN.matcher(rule.group());
                Matcher message = MESSAGE.matcher(rule.group());
                if (!shown.find()) {
                    continue;
                }
                Optional<SectionId> section = SectionId.parse(shown.group(1));
                if (section.isEmpty() || !message.find() || shown.find() || message.find()) {
                    return Optional.empty();
                }
                message.reset().find();
                named.add(Map.entry(section.get(), message.group(1)));
                shownRules++;
            }
            if (shownRules != count(SHOWN, source.drl()) || shownRules != count(MESSAGE, source.drl())) {
                return Optional.empty();
            }
        }
        return Optional.of(Set.copyOf(named));
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String keyOf(RuleFiles files, List<String> tables) {
        PartsDigest digest = new PartsDigest();
        tables.stream()
                .sorted()
                .forEach(table -> digest.part(table, files.files().get(table)));
        return digest.hex();
    }
}
