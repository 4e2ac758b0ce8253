package kr.qfeedback.feedback;

/**
 * A text a candidate reads (a section's title or body): the fixed pieces of a message template
 * with the values of its placeholders between them. The pieces are joined into one string only
 * when someone asks for it ({@link #toString}, once); a writer that keeps its own form of each
 * fixed piece never needs the joined string. Two texts are equal when they read the same.
 * Immutable (the joined string is kept once made).
 */
public final class Text {
    /** A piece that reads the same in every decision: a template's literal text. */
    public static final class Fixed {
        private final String text;
        /** What a writer made of this piece once (the decision JSON's encoded bytes); null until then. */
        private volatile Object writtenForm;
        /** What a second writer made of it once (the batch's CSV rows of text messages); null until then. */
        private volatile Object rowForm;

        public Fixed(String text) {
            this.text = java.util.Objects.requireNonNull(text, "text must not be null");
        }

        public String text() {
            return text;
        }

        /** The form {@link #keepWrittenForm} kept, or null: read without a look-up, as the piece is met often. */
        public Object writtenForm() {
            return writtenForm;
        }

        /** Keeps a writer's form of this piece; one writer uses it, and it makes the same form every time. */
        public void keepWrittenForm(Object form) {
            writtenForm = form;
        }

        /** The form {@link #keepRowForm} kept, or null. */
        public Object rowForm() {
            return rowForm;
        }

        /** Keeps the CSV writer's form of this piece, as {@link #keepWrittenForm} does the JSON writer's. */
        public void keepRowForm(Object form) {
            rowForm = form;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Object[] parts;
    private String joined;

    private Text(Object[] parts, String joined) {
        this.parts = parts;
        this.joined = joined;
    }

    /** A text that is one plain string. */
    public static Text of(String text) {
        return text == null ? null : new Text(new Object[] {text}, text);
    }

    /**
     * A text that is one fixed piece: a filled text shared by many decisions (a round's reminder, a
     * qualification's SMS), so that a writer keeps its form once, as for a template's pieces.
     */
    public static Text fixed(String text) {
        return text == null ? null : new Text(new Object[] {new Fixed(text)}, text);
    }

    /** A text of fixed pieces ({@link Fixed}) and filled-in values ({@link String}), in reading order. */
    public static Text of(java.util.List<?> parts) {
        return checked(parts.toArray());
    }

    /** A text of the first {@code length} of {@code parts} ({@link Fixed} pieces and strings), copied. */
    public static Text of(Object[] parts, int length) {
        return checked(java.util.Arrays.copyOf(parts, length));
    }

    /**
     * A text of the first {@code length} of {@code parts}, an array the caller made for it and hands
     * over (never changes again): copied only when {@code length} leaves some of it unused.
     */
    public static Text ofOwn(Object[] parts, int length) {
        return checked(length == parts.length ? parts : java.util.Arrays.copyOf(parts, length));
    }

    private static Text checked(Object[] copy) {
        for (Object part : copy) {
            if (!(part instanceof Fixed) && !(part instanceof String)) {
                throw new IllegalArgumentException("A text is made of Text.Fixed pieces and strings, not " + part);
            }
        }
        return new Text(copy, null);
    }

    public int parts() {
        return parts.length;
    }

    /** The {@code i}th part: a {@link Fixed} piece or a {@link String} value. */
    public Object part(int i) {
        return parts[i];
    }

    @Override
    public String toString() {
        String text = joined;
        if (text == null) {
            int length = 0;
            for (Object part : parts) {
                length += part.toString().length();
            }
            StringBuilder out = new StringBuilder(length);
            for (Object part : parts) {
                out.append(part.toString());
            }
            text = out.toString();
            joined = text;
        }
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && toString().equals(text.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
