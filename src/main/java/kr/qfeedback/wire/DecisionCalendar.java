package kr.qfeedback.wire;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.io.text.ICalWriter;
import biweekly.parameter.Related;
import biweekly.property.DateStart;
import biweekly.property.Trigger;
import biweekly.util.Duration;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.Date;
import java.util.HexFormat;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Reminder;

/**
 * A decision's reminders as an RFC 5545 calendar ({@code text/calendar}): one all-day VEVENT per
 * reminder with its text as SUMMARY and a display VALARM the staff's number of days before. Each
 * UID is a hash of what the date is about (kind, date, qualification code, round), the same for
 * every candidate of that round and on every request, with no personal data. Nothing in it reads
 * the clock (DTSTAMP is the decision's {@code asOf}, {@link #stampOf}), so the helpdesk's replay
 * writes the same bytes. Written with
 * biweekly (escaping, property syntax); lines are folded here at 75 octets as RFC 5545 §3.1 asks
 * (biweekly folds at 75 characters, which Korean text in UTF-8 exceeds).
 */
public final class DecisionCalendar {
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    static final String PRODUCT_ID = "-//HRDK Q-Net//Q-Feedback//KO";
    static final String UID_DOMAIN = "@q-feedback.q-net.or.kr";
    private static final int MAX_OCTETS = 75;

    private DecisionCalendar() {}

    /** The calendar text, CRLF line ends, folded at 75 octets. */
    public static String toText(FeedbackDecision decision) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        Date stamp = stampOf(decision);
        for (Reminder r : decision.reminders()) {
            VEvent event = new VEvent(); // stamps DTSTAMP with the wall clock: replaced next
            event.setDateTimeStamp(stamp);
            event.setUid(uid(r));
            event.setDateStart(new DateStart(dateOf(r), false));
            event.setSummary(r.text());
            Duration before =
                    Duration.builder().prior(true).days(r.alertDaysBefore()).build();
            event.addAlarm(VAlarm.display(new Trigger(before, Related.START), r.text()));
            calendar.addEvent(event);
        }
        StringWriter out = new StringWriter();
        try (ICalWriter writer = new ICalWriter(out, ICalVersion.V2_0)) {
            writer.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
            writer.write(calendar);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a calendar to memory", e);
        }
        return fold(out.toString());
    }

    /** The UID of a reminder: SHA-256 of kind, date, qualification and round, first 128 bits in hex. */
    static String uid(Reminder r) {
        String subject = r.kind().name() + '\n' + r.date() + '\n' + r.qualificationCode() + '\n' + r.round();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + UID_DOMAIN;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * DTSTAMP, the same for every VEVENT: the start of the decision's {@code asOf} day in Seoul, in
     * UTC (2026-03-11 → 20260310T150000Z). Without a METHOD, RFC 5545 §3.8.7.2 makes DTSTAMP when the
     * information was last revised; a decision is what is true on {@code asOf} for its rules version,
     * the day it holds for, and the one time both the POST and the helpdesk's replay know:
     * {@code decidedAt} is stamped by the record store with its own clock and is not in the decision.
     * The wall clock would make every replay differ from the page the candidate got.
     */
    static Date stampOf(FeedbackDecision decision) {
        return Date.from(
                decision.asOf().atStartOfDay(FeedbackRequestParser.SEOUL).toInstant());
    }

    /** An all-day date as biweekly reads it: midnight in the writer's default time zone. */
    private static Date dateOf(Reminder r) {
        return Date.from(r.date().atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /**
     * Folds every content line longer than 75 octets (UTF-8) into lines of at most 75 octets, each
     * continuation starting with one space; never inside a character (RFC 5545 §3.1).
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
