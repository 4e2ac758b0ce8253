package kr.qfeedback.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Tone;

/**
 * The JSON encodings (quoted, UTF-8) of the values that repeat from one decision to the next, made
 * once instead of per decision: enum values, outcomes, and the rules version and date that
 * thousands of decisions in a row share. Used by the decision JSON and the decision record alike.
 */
final class EncodedValues {
    private static final Map<SectionId, byte[]> SECTION_IDS = constants(SectionId.class);
    private static final Map<Tone, byte[]> TONES = constants(Tone.class);
    private static final byte[][] OUTCOMES = outcomes();
    private static final Repeated<String> VERSIONS = new Repeated<>(JsonBytes::encoded);
    private static final Days DATES = new Days();
    /** An instant's text up to its seconds, with the opening quote: {@code "2026-03-11T01:02:03}. */
    private static final Repeated<Long> SECONDS = new Repeated<>(second -> {
        String text = Instant.ofEpochSecond(second).toString(); // ends in Z: no fraction at a whole second
        return JsonBytes.encoded(text.substring(0, text.length() - 1)); // quoted; the closing quote is dropped below
    });

    private EncodedValues() {}

    static byte[] sectionId(SectionId id) {
        return SECTION_IDS.get(id);
    }

    static byte[] tone(Tone tone) {
        return TONES.get(tone);
    }

    /** {@link Outcome#code()} encoded. */
    static byte[] outcome(Outcome outcome) {
        return OUTCOMES[
                outcome.stage().ordinal() * ExamResult.values().length
                        + outcome.result().ordinal()];
    }

    static byte[] version(String rulesVersion) {
        return VERSIONS.encoded(rulesVersion);
    }

    /** {@link LocalDate#toString()} encoded. */
    static byte[] date(LocalDate date) {
        return DATES.encoded(date);
    }

    /**
     * Writes {@link Instant#toString()} as a JSON string: the text up to the seconds is made once per
     * second, the fraction (none, or 3, 6 or 9 digits, as {@code Instant.toString} chooses) each time.
     */
    static JsonBytes instant(JsonBytes json, Instant instant) {
        byte[] upToSeconds = SECONDS.encoded(instant.getEpochSecond());
        json.raw(upToSeconds, upToSeconds.length - 1); // without the closing quote
        int nano = instant.getNano();
        if (nano != 0) {
            json.raw('.');
            if (nano % 1_000_000 == 0) {
                json.digits(nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                json.digits(nano / 1_000, 6);
            } else {
                json.digits(nano, 9);
            }
        }
        return json.raw('Z').raw('"');
    }

    private static <E extends Enum<E>> Map<E, byte[]> constants(Class<E> type) {
        Map<E, byte[]> values = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            values.put(constant, JsonBytes.encoded(constant.name()));
        }
        return values;
    }

    private static byte[][] outcomes() {
        byte[][] encoded = new byte[Stage.values().length * ExamResult.values().length][];
        for (Stage stage : Stage.values()) {
            for (ExamResult result : ExamResult.values()) {
                Outcome outcome = new Outcome(stage, result);
                encoded[stage.ordinal() * ExamResult.values().length + result.ordinal()] =
                        JsonBytes.encoded(outcome.code());
            }
        }
        return encoded;
    }

    /**
     * Dates encoded once per day and kept, by day from 1970 to 2099 (a cohort's decisions carry many
     * different dates, in any order, on several threads); dates outside that range are encoded
     * each time. Safe to share between threads: a day's entry is immutable, and two threads that
     * make it at once make equal ones.
     */
    private static final class Days {
        private static final int COUNT = (int) LocalDate.of(2100, 1, 1).toEpochDay();

        private record Encoded(byte[] bytes) {}

        private final Encoded[] byDay = new Encoded[COUNT];

        byte[] encoded(LocalDate date) {
            long day = date.toEpochDay();
            if (day < 0 || day >= COUNT) {
                return JsonBytes.encoded(date.toString());
            }
            Encoded known = byDay[(int) day];
            if (known == null) {
                known = new Encoded(JsonBytes.encoded(date.toString()));
                byDay[(int) day] = known;
            }
            return known.bytes();
        }
    }

    /** The encoding of the value last asked for, kept (values replace each other; safe to share between threads). */
    private static final class Repeated<T> {
        private record Last<T>(T value, byte[] encoded) {}

        private final Function<T, byte[]> encoder;
        private volatile Last<T> last;

        Repeated(Function<T, byte[]> encoder) {
            this.encoder = encoder;
        }

        byte[] encoded(T value) {
            Last<T> known = last;
            if (known == null || !known.value().equals(value)) {
                known = new Last<>(value, encoder.apply(value));
                last = known;
            }
            return known.encoded();
        }
    }
}
