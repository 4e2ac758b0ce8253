package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.feedback.TraceEntry;

/**
 * Writes a decision in the contract's JSON shape (UTF-8), {@code trace} only when explaining, with
 * the keys in the contract's order; section data keeps its insertion order. The shape is fixed, so
 * the names, the enum values, link lists and hundredths are encoded once and copied
 * ({@link JsonBytes}); the bytes are those Jackson would write for the same JSON
 * ({@code OptimisedDecisionsMatchPlainEvaluationTest} compares them with Vert.x's encoding).
 */
public final class DecisionJson {
    private static final byte[] DECISION_ID = JsonBytes.name('{', "decisionId");
    private static final byte[] RULES_VERSION = JsonBytes.name(',', "rulesVersion");
    private static final byte[] AS_OF = JsonBytes.name(',', "asOf");
    private static final byte[] OUTCOME = JsonBytes.name(',', "outcome");
    private static final byte[] SECTIONS = JsonBytes.name(',', "sections");
    private static final byte[] NOTICES = JsonBytes.name(',', "notices");
    private static final byte[] REMINDERS = JsonBytes.name(',', "reminders");
    private static final byte[] NOTIFICATIONS = JsonBytes.name(',', "notifications");
    private static final byte[] KIND = JsonBytes.name('{', "kind");
    private static final byte[] DATE = JsonBytes.name(',', "date");
    private static final byte[] TEXT = JsonBytes.name(',', "text");
    private static final byte[] SMS = JsonBytes.name('{', "sms");
    private static final byte[] LMS = JsonBytes.name(',', "lms");
    private static final byte[][] KINDS = java.util.Arrays.stream(ReminderKind.values())
            .map(k -> new JsonBytes(32).string(k.name()).toByteArray())
            .toArray(byte[][]::new);
    private static final byte[] TRACE = JsonBytes.name(',', "trace");
    private static final byte[] CODE = JsonBytes.name('{', "code");
    private static final byte[] MESSAGE = JsonBytes.name(',', "message");
    private static final byte[] SECTION = JsonBytes.name('{', "section");
    private static final byte[] RULE = JsonBytes.name(',', "rule");
    private static final byte[] SOURCE = JsonBytes.name(',', "source");
    private static final byte[] ID = JsonBytes.name('{', "id");
    private static final byte[] ORDER = JsonBytes.name(',', "order");
    private static final byte[] TONE = JsonBytes.name(',', "tone");
    private static final byte[] TITLE = JsonBytes.name(',', "title");
    private static final byte[] BODY = JsonBytes.name(',', "body");
    private static final byte[] DATA = JsonBytes.name(',', "data");
    private static final byte[] LINKS = JsonBytes.name(',', "links");
    private static final byte[] LABEL = JsonBytes.name('{', "label");
    private static final byte[] URL = JsonBytes.name(',', "url");
    private static final byte[] QR = JsonBytes.name(',', "qr");
    /** A section's links are its message's, the same few lists for every decision: encoded once. */
    private static final int MAX_CACHED_LINK_LISTS = 1024;

    private static final Map<List<Link>, byte[]> LINK_ARRAYS = new ConcurrentHashMap<>();

    /** The same few lists, recognised by identity first: a section's links are the very list of its message. */
    private static final IdentityCache<List<Link>, byte[]> RECENT_LINKS =
            new IdentityCache<>(DecisionJson::linkArrayByValue, 256, 1 << 12);
    /** One reusable array per thread; one that grew past this (a long trace) is not kept. */
    private static final int KEPT_CAPACITY = 1 << 16;

    private static final ThreadLocal<JsonBytes> BYTES = ThreadLocal.withInitial(() -> new JsonBytes(8192));

    private DecisionJson() {}

    /** The decision as JSON bytes in a new buffer of exactly their length. */
    public static Buffer toBuffer(FeedbackDecision decision, boolean explain) {
        JsonBytes json = encode(decision, explain);
        Buffer buffer = json.toBuffer();
        release(json);
        return buffer;
    }

    /** Writes the decision as JSON to {@code out} (not closed). */
    public static void write(FeedbackDecision decision, boolean explain, OutputStream out) {
        JsonBytes json = encode(decision, explain);
        try {
            json.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(json);
        }
    }

    private static JsonBytes encode(FeedbackDecision decision, boolean explain) {
        return append(BYTES.get().clear(), decision, explain);
    }

    /** Appends the decision's JSON to {@code json}. */
    static JsonBytes append(JsonBytes json, FeedbackDecision decision, boolean explain) {
        json.forget().raw(DECISION_ID).string(decision.decisionId());
        json.raw(RULES_VERSION).raw(EncodedValues.version(decision.rulesVersion()));
        json.raw(AS_OF).raw(EncodedValues.date(decision.asOf()));
        json.raw(OUTCOME).raw(EncodedValues.outcome(decision.outcome()));
        json.raw(SECTIONS).raw('[');
        List<Section> sections = decision.sections();
        for (int i = 0; i < sections.size(); i++) {
            section(json.separator(i), sections.get(i));
        }
        json.raw(']').raw(NOTICES).raw('[');
        List<Notice> notices = decision.notices();
        for (int i = 0; i < notices.size(); i++) {
            Notice n = notices.get(i);
            json.separator(i).raw(CODE).string(n.code());
            text(json.raw(MESSAGE), n.messageText()).raw('}');
        }
        json.raw(']');
        reminders(json, decision);
        if (explain) {
            json.raw(TRACE).raw('[');
            List<TraceEntry> trace = decision.trace();
            for (int i = 0; i < trace.size(); i++) {
                TraceEntry t = trace.get(i);
                json.separator(i)
                        .raw(SECTION)
                        .raw(EncodedValues.sectionId(t.section()))
                        .raw(RULE)
                        .string(t.rule())
                        .raw(SOURCE)
                        .string(t.source())
                        .raw('}');
            }
            json.raw(']');
        }
        return json.raw('}');
    }

    /**
     * {@code reminders} and {@code notifications}, after {@code notices} as the contract orders them.
     * The LMS lists the reminders: their longer values are copied from where they were written.
     */
    private static void reminders(JsonBytes json, FeedbackDecision decision) {
        json.raw(REMINDERS).raw('[');
        List<Reminder> reminders = decision.reminders();
        for (int i = 0; i < reminders.size(); i++) {
            Reminder r = reminders.get(i);
            json.separator(i).raw(KIND).raw(KINDS[r.kind().ordinal()]);
            json.raw(DATE).raw(EncodedValues.date(r.date()));
            text(json.raw(TEXT), r.textValue());
            json.raw('}');
        }
        json.raw(']').raw(NOTIFICATIONS);
        Notifications n = decision.notifications();
        if (n == null) {
            json.nullValue();
            return;
        }
        text(json.raw(SMS), n.smsText());
        text(json.raw(LMS), n.lmsText()).raw('}');
    }

    private static void release(JsonBytes json) {
        if (json.capacity() > KEPT_CAPACITY) {
            BYTES.remove();
        }
    }

    private static void section(JsonBytes json, Section s) {
        json.raw(ID).raw(EncodedValues.sectionId(s.id()));
        json.raw(ORDER).number(s.order());
        json.raw(TONE).raw(EncodedValues.tone(s.tone()));
        text(json.raw(TITLE), s.titleText());
        text(json.raw(BODY), s.bodyText());
        json.raw(DATA);
        SectionDataJson.object(json, s.data());
        json.raw(LINKS).raw(RECENT_LINKS.formOf(s.links())).raw('}');
    }

    /**
     * Values shorter than this (numbers, short terms) are encoded each time; longer ones (the
     * qualification's name above all) often recur in one decision and are copied when they do.
     */
    private static final int REPEATED_LENGTH = 5;

    /**
     * A text as one JSON string: its fixed pieces copied as encoded before, its values encoded now
     * or copied from where the same value was written in this decision.
     */
    private static JsonBytes text(JsonBytes json, Text text) {
        if (text == null) {
            return json.nullValue();
        }
        json.raw('"');
        for (int i = 0, n = text.parts(); i < n; i++) {
            Object part = text.part(i);
            if (part instanceof Text.Fixed fixed) {
                json.raw(encoded(fixed));
            } else {
                String value = (String) part;
                if (value.length() < REPEATED_LENGTH) {
                    json.stringContent(value);
                } else {
                    json.repeatedContent(value);
                }
            }
        }
        return json.raw('"');
    }

    /** A template's fixed piece, encoded once and kept with it (a rule version has a few hundred). */
    private static byte[] encoded(Text.Fixed fixed) {
        if (fixed.writtenForm() instanceof byte[] known) {
            return known;
        }
        byte[] encoded = JsonBytes.encodedContent(fixed.text());
        fixed.keepWrittenForm(encoded);
        return encoded;
    }

    private static byte[] linkArrayByValue(List<Link> links) {
        byte[] known = LINK_ARRAYS.get(links);
        if (known != null) {
            return known;
        }
        JsonBytes json = new JsonBytes(256).raw('[');
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            json.separator(i)
                    .raw(LABEL)
                    .string(l.label())
                    .raw(URL)
                    .string(l.url())
                    .raw(QR)
                    .bool(l.qr())
                    .raw('}');
        }
        byte[] array = json.raw(']').toByteArray();
        if (LINK_ARRAYS.size() < MAX_CACHED_LINK_LISTS) {
            LINK_ARRAYS.put(List.copyOf(links), array);
        }
        return array;
    }
}
