package kr.qfeedback.feedback;

import java.util.Optional;

/**
 * Finds contradictions between the fields of a well-formed request (422 INCONSISTENT): dates in
 * the wrong order, a stage the grade does not have, a score for an absence, a grade that differs
 * from the one the reference data knows for the code.
 */
public final class ConsistencyCheck {

    private ConsistencyCheck() {}

    /** @param knownGrade the grade the reference data gives the code, or null when unknown */
    public static Optional<Inconsistency> check(FeedbackRequest request, Grade knownGrade) {
        ExamSitting exam = request.exam();
        Grade grade = request.qualification().grade();
        if (exam.announcedOn().isBefore(exam.examDate())) {
            return fail(
                    "exam.announcedOn",
                    "exam.announcedOn (" + exam.announcedOn() + ") is before exam.examDate (" + exam.examDate()
                            + "); a result is announced on or after the exam.");
        }
        if (exam.stage().isSecond() && exam.stage() != grade.secondStage()) {
            return fail(
                    "exam.stage",
                    "A " + grade + " has no " + exam.stage() + " stage; its second stage is " + grade.secondStage()
                            + ".");
        }
        if (exam.result() == ExamResult.ABSENT && exam.totalScore() != null) {
            return fail("exam.totalScore", "An ABSENT result has no score; omit exam.totalScore or send null.");
        }
        if (exam.result() == ExamResult.ABSENT && !exam.subjects().isEmpty()) {
            return fail("exam.subjects", "An ABSENT result has no subject scores; send an empty exam.subjects.");
        }
        if (knownGrade != null && knownGrade != grade) {
            return fail(
                    "qualification.grade",
                    "Qualification " + request.qualification().code() + " is a " + knownGrade
                            + " qualification in the reference data, not " + grade + ".");
        }
        CandidateInfo candidate = request.candidate();
        if (candidate.birthDate() != null && candidate.birthDate().isAfter(exam.examDate())) {
            return fail("candidate.birthDate", "candidate.birthDate is after the exam date.");
        }
        if (candidate.writtenPassAnnouncedOn() != null) {
            if (exam.stage().isSecond() && candidate.writtenPassAnnouncedOn().isAfter(exam.examDate())) {
                return fail(
                        "candidate.writtenPassAnnouncedOn",
                        "The written pass (" + candidate.writtenPassAnnouncedOn() + ") is announced after this "
                                + exam.stage() + " exam (" + exam.examDate() + "); the written pass comes first.");
            }
        }
        return Optional.empty();
    }

    private static Optional<Inconsistency> fail(String field, String message) {
        return Optional.of(new Inconsistency(field, message));
    }
}
