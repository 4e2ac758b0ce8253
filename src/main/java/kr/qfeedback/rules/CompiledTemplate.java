package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.qfeedback.feedback.Text;

/**
 * A message template parsed once into literal text, placeholders and optional parts, so that
 * filling it is one pass over a few segments that asks only for the values it uses. The result is
 * exactly {@link Placeholders#fill}'s: an optional part {@code [ … ]} is kept (without its
 * brackets) when every placeholder in it is known, and an unknown placeholder reads
 * {@link Placeholders#UNKNOWN}. A template whose braces do not all belong to placeholders (the
 * rule checks refuse those) is filled by {@link Placeholders#fill} itself.
 */
public final class CompiledTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");

    /** One piece of a template: literal text, a placeholder, or an optional part made of these. */
    private sealed interface Segment permits Literal, Slot, OptionalPart {}

    /** Literal text, kept as a fixed piece of every text filled from this template. */
    private record Literal(Text.Fixed fixed) implements Segment {
        String text() {
            return fixed.text();
        }
    }

    /** A placeholder; {@code placeholder} is null for a name that is not a placeholder (it reads as unknown). */
    private record Slot(String name, Placeholder placeholder) implements Segment {}

    private record OptionalPart(Segment[] segments) implements Segment {}

    private final String source;
    /** Null when the template is filled by {@link Placeholders#fill}. */
    private final Segment[] segments;

    /** The text of a template without placeholders (made once, the same instance every time); else null. */
    private final Text constant;
    /** The most parts a filled text can have: every segment, those of optional parts included. */
    private final int maxParts;
    /** Whether the filled text has two-form particles to resolve ({@link KoreanParticles}). */
    private final boolean particles;

    private CompiledTemplate(String source, Segment[] segments) {
        this.source = source;
        this.segments = segments;
        this.particles = KoreanParticles.needed(source);
        this.maxParts = segments == null
                ? 0
                : Arrays.stream(segments)
                        .mapToInt(s -> s instanceof OptionalPart o ? o.segments().length : 1)
                        .sum();
        this.constant = segments != null && Arrays.stream(segments).allMatch(Literal.class::isInstance)
                ? Text.of(List.of(new Text.Fixed(KoreanParticles.resolve(
                        Arrays.stream(segments).map(t -> ((Literal) t).text()).collect(Collectors.joining())))))
                : null;
    }

    public static CompiledTemplate of(String template) {
        List<Segment> top = new ArrayList<>();
        Matcher optional = OPTIONAL.matcher(template);
        int at = 0;
        while (optional.find()) {
            if (!addPlain(template.substring(at, optional.start()), top)) {
                return new CompiledTemplate(template, null);
            }
            List<Segment> inner = new ArrayList<>();
            if (!addPlain(optional.group(1), inner)) {
                return new CompiledTemplate(template, null);
            }
            top.add(new OptionalPart(inner.toArray(Segment[]::new)));
            at = optional.end();
        }
        if (!addPlain(template.substring(at), top)) {
            return new CompiledTemplate(template, null);
        }
        return new CompiledTemplate(template, top.toArray(Segment[]::new));
    }

    /**
     * Splits text without optional parts into literals and placeholders; false when a brace is
     * left over (then the two passes of {@link Placeholders#fill} could pair braces across parts).
     */
    private static boolean addPlain(String text, List<Segment> out) {
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            if (!addLiteral(text.substring(at, m.start()), out)) {
                return false;
            }
            out.add(new Slot(m.group(1), Placeholder.named(m.group(1))));
            at = m.end();
        }
        return addLiteral(text.substring(at), out);
    }

    private static boolean addLiteral(String literal, List<Segment> out) {
        if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
            return false;
        }
        if (!literal.isEmpty()) {
            out.add(new Literal(new Text.Fixed(literal)));
        }
        return true;
    }

    /** The template as staff wrote it. */
    public String source() {
        return source;
    }

    /** Gives the value of a placeholder in a template, or null when it is unknown. */
    @FunctionalInterface
    public interface Values {
        String valueOf(Placeholder placeholder);
    }

    private static String valueOf(Values values, Slot slot) {
        return slot.placeholder() == null ? null : values.valueOf(slot.placeholder());
    }

    /** Fills the template; {@code values} gives a placeholder's value, or null when it is unknown. */
    public String fill(Values values) {
        return fillText(values).toString();
    }

    /**
     * Fills the template as a {@link Text}: its literal pieces (the same {@link Text.Fixed} every
     * time) and the values between them; reads exactly as {@link #fill}.
     */
    public Text fillText(Values values) {
        if (constant != null) {
            return constant;
        }
        if (segments == null) {
            return Text.of(Placeholders.fill(source, new LookupMap(values)));
        }
        if (particles) {
            return Text.of(Placeholders.fill(source, new LookupMap(values)));
        }
        Object[] parts = new Object[maxParts];
        int n = 0;
        for (Segment segment : segments) {
            if (segment instanceof Literal literal) {
                parts[n++] = literal.fixed();
            } else if (segment instanceof Slot slot) {
                String value = valueOf(values, slot);
                parts[n++] = value == null ? Placeholders.UNKNOWN : value;
            } else {
                n = addOptional(parts, n, ((OptionalPart) segment).segments(), values);
            }
        }
        return Text.ofOwn(parts, n);
    }

    /**
     * Adds an optional part's pieces after the first {@code n} parts when every placeholder in it is
     * known; else nothing. Returns the new number of parts.
     */
    private static int addOptional(Object[] parts, int n, Segment[] inner, Values values) {
        int at = n;
        for (Segment segment : inner) {
            if (segment instanceof Literal literal) {
                parts[at++] = literal.fixed();
            } else {
                String value = valueOf(values, (Slot) segment);
                if (value == null) {
                    java.util.Arrays.fill(parts, n, at, null);
                    return n;
                }
                parts[at++] = value;
            }
        }
        return at;
    }

    /** A read-only map view of a value function, for the rare template filled by {@link Placeholders#fill}. */
    private static final class LookupMap extends java.util.AbstractMap<String, String> {
        private final Values values;

        LookupMap(Values values) {
            this.values = values;
        }

        @Override
        public String get(Object key) {
            Placeholder placeholder = key instanceof String name ? Placeholder.named(name) : null;
            return placeholder == null ? null : values.valueOf(placeholder);
        }

        @Override
        public java.util.Set<Map.Entry<String, String>> entrySet() {
            throw new UnsupportedOperationException("only get is supported");
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
