package kr.qfeedback.wire;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;

/**
 * An accepted request as the few bytes a decision record keeps of it for the helpdesk view: each
 * field in a fixed order, without names, exactly (every char of a text, every bit of a score), so
 * that deciding the decoded request again gives the same page. About a quarter of the request's JSON:
 * a record map full of them holds far fewer bytes than one of request bodies.
 *
 * <p>Layout, after a format byte: texts as a length (times two, plus one when a char needs two
 * bytes; lengths and counts in seven-bit groups) and their chars in one or two bytes each; dates as days since 1970 in four bytes; scores as
 * the eight bytes of their {@code double}; enum constants by name; a missing value as a zero byte
 * before it (a one when present). Bytes from another member are read without trust: {@link #decode}
 * refuses anything short, long or unknown.
 */
public final class CompactRequest {
    static final byte FORMAT = 1;

    private CompactRequest() {}

    /** Writes {@code request} into {@code out}, after what it holds. */
    public static void encode(FeedbackRequest request, Out out) {
        out.u8(FORMAT);
        out.text(request.candidateId());
        out.date(request.asOf());
        QualificationRef q = request.qualification();
        out.text(q.code());
        out.optionalText(q.name());
        out.text(q.grade().name());
        ExamSitting exam = request.exam();
        out.text(exam.round());
        out.text(exam.stage().name());
        out.date(exam.examDate());
        out.date(exam.announcedOn());
        out.text(exam.result().name());
        if (exam.totalScore() == null) {
            out.u8(0);
        } else {
            out.u8(1);
            out.score(exam.totalScore());
        }
        out.count(exam.subjects().size());
        for (SubjectScore subject : exam.subjects()) {
            out.text(subject.name());
            out.score(subject.score());
        }
        CandidateInfo c = request.candidate();
        out.optionalDate(c.birthDate());
        out.optionalDate(c.writtenPassAnnouncedOn());
        out.optionalText(
                c.eligibilityDocuments() == null
                        ? null
                        : c.eligibilityDocuments().name());
        if (c.attempts() == null) {
            out.u8(0);
        } else {
            out.u8(1);
            out.int32(c.attempts());
        }
        out.count(c.heldQualifications().size());
        for (String held : c.heldQualifications()) {
            out.text(held);
        }
    }

    /** The request in {@code bytes[from, to)}; an {@link IllegalArgumentException} when they are not one. */
    public static FeedbackRequest decode(byte[] bytes, int from, int to) {
        In in = new In(bytes, from, to);
        if (in.u8() != FORMAT) {
            throw new IllegalArgumentException("a kept request of an unknown format");
        }
        String candidateId = in.text();
        LocalDate asOf = in.date();
        QualificationRef qualification = new QualificationRef(in.text(), in.optionalText(), Grade.valueOf(in.text()));
        String round = in.text();
        Stage stage = Stage.valueOf(in.text());
        LocalDate examDate = in.date();
        LocalDate announcedOn = in.date();
        ExamResult result = ExamResult.valueOf(in.text());
        Double total = in.present() ? in.score() : null;
        int subjectCount = in.count();
        List<SubjectScore> subjects = new ArrayList<>(subjectCount);
        for (int i = 0; i < subjectCount; i++) {
            subjects.add(new SubjectScore(in.text(), in.score()));
        }
        LocalDate birthDate = in.optionalDate();
        LocalDate writtenPass = in.optionalDate();
        String documents = in.optionalText();
        Integer attempts = in.present() ? in.int32() : null;
        int heldCount = in.count();
        List<String> held = new ArrayList<>(heldCount);
        for (int i = 0; i < heldCount; i++) {
            held.add(in.text());
        }
        in.end();
        return new FeedbackRequest(
                candidateId,
                asOf,
                qualification,
                new ExamSitting(round, stage, examDate, announcedOn, result, total, subjects),
                new CandidateInfo(
                        birthDate,
                        writtenPass,
                        documents == null ? null : DocumentStatus.valueOf(documents),
                        attempts,
                        held));
    }

    /** A growing array of bytes, reused from one request to the next ({@link #clear()}). */
    public static final class Out {
        private byte[] bytes = new byte[256];
        private int length;

        public Out clear() {
            length = 0;
            return this;
        }

        public byte[] bytes() {
            return bytes;
        }

        public int length() {
            return length;
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void u8(int value) {
            room(1);
            bytes[length++] = (byte) value;
        }

        void int32(int value) {
            room(4);
            bytes[length++] = (byte) (value >>> 24);
            bytes[length++] = (byte) (value >>> 16);
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
        }

        /** A length or count in seven-bit groups, low first (one byte below 128). */
        void count(int value) {
            while ((value & ~0x7F) != 0) {
                u8(value & 0x7F | 0x80);
                value >>>= 7;
            }
            u8(value);
        }

        void date(LocalDate date) {
            int32(Math.toIntExact(date.toEpochDay()));
        }

        void optionalDate(LocalDate date) {
            if (date == null) {
                u8(0);
            } else {
                u8(1);
                date(date);
            }
        }

        void score(double value) {
            long bits = Double.doubleToRawLongBits(value);
            int32((int) (bits >>> 32));
            int32((int) bits);
        }

        void text(String text) {
            int n = text.length();
            boolean wide = false;
            for (int i = 0; i < n && !wide; i++) {
                wide = text.charAt(i) > 0xFF;
            }
            count(n * 2 + (wide ? 1 : 0));
            room(wide ? 2 * n : n);
            for (int i = 0; i < n; i++) {
                char ch = text.charAt(i);
                if (wide) {
                    bytes[length++] = (byte) (ch >>> 8);
                }
                bytes[length++] = (byte) ch;
            }
        }

        void optionalText(String text) {
            if (text == null) {
                u8(0);
            } else {
                u8(1);
                text(text);
            }
        }
    }

    /** Reads what {@link Out} wrote, checking every length against the bytes there are. */
    private static final class In {
        private final byte[] bytes;
        private final int to;
        private int at;

        In(byte[] bytes, int from, int to) {
            if (from < 0 || to > bytes.length || from > to) {
                throw new IllegalArgumentException("a kept request out of its bounds");
            }
            this.bytes = bytes;
            this.at = from;
            this.to = to;
        }

        private void need(long n) {
            if (n < 0 || n > to - at) {
                throw new IllegalArgumentException("a kept request cut short");
            }
        }

        int u8() {
            need(1);
            return bytes[at++] & 0xFF;
        }

        boolean present() {
            int flag = u8();
            if (flag > 1) {
                throw new IllegalArgumentException("a kept request with an unknown flag");
            }
            return flag == 1;
        }

        int int32() {
            need(4);
            int value = (bytes[at] & 0xFF) << 24
                    | (bytes[at + 1] & 0xFF) << 16
                    | (bytes[at + 2] & 0xFF) << 8
                    | bytes[at + 3] & 0xFF;
            at += 4;
            return value;
        }

        /** What {@link Out#count} wrote: at most five bytes, never negative. */
        int unsigned() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = u8();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (value < 0) {
                        throw new IllegalArgumentException("a kept request with a negative length");
                    }
                    return value;
                }
            }
            throw new IllegalArgumentException("a kept request with a length too long");
        }

        int count() {
            int n = unsigned();
            need(n); // every element takes at least one byte
            return n;
        }

        LocalDate date() {
            return LocalDate.ofEpochDay(int32());
        }

        LocalDate optionalDate() {
            return present() ? date() : null;
        }

        double score() {
            long high = int32() & 0xFFFFFFFFL;
            long low = int32() & 0xFFFFFFFFL;
            return Double.longBitsToDouble(high << 32 | low);
        }

        String text() {
            int head = unsigned();
            int n = head >>> 1;
            boolean wide = (head & 1) == 1;
            need(wide ? 2L * n : n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = wide ? (char) ((bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF) : (char) (bytes[at] & 0xFF);
                at += wide ? 2 : 1;
            }
            return new String(chars);
        }

        String optionalText() {
            return present() ? text() : null;
        }

        void end() {
            if (at != to) {
                throw new IllegalArgumentException("a kept request with bytes after its end");
            }
        }
    }
}
