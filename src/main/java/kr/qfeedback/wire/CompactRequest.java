package kr.qfeedback.wire;

import java.time.LocalDate;
import java.util.ArrayList;
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
    public static void encode(FeedbackRequest request, FieldBytes.Out out) {
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
        if (out.present(exam.totalScore())) {
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
        if (out.present(c.attempts())) {
            out.int32(c.attempts());
        }
        out.count(c.heldQualifications().size());
        for (String held : c.heldQualifications()) {
            out.text(held);
        }
    }

    /** The request in {@code bytes[from, to)}; an {@link IllegalArgumentException} when they are not one. */
    public static FeedbackRequest decode(byte[] bytes, int from, int to) {
        FieldBytes.In in = new FieldBytes.In(bytes, from, to);
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
}
