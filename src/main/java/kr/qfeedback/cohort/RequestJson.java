package kr.qfeedback.cohort;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.SubjectScore;

/**
 * Writes a {@link FeedbackRequest} in the request shape of the contract ({@code POST /v1/feedback},
 * docs/contract.md), the inverse of {@code http.FeedbackRequestParser}: keys in the contract's
 * order, dates as {@code YYYY-MM-DD}, {@code exam.totalScore} left out for an ABSENT result,
 * {@code exam.subjects} always present (possibly empty), and unknown candidate fields left out
 * rather than written as null. The whole {@code candidate} object is left out when nothing is
 * known.
 */
public final class RequestJson {

    private RequestJson() {}

    public static JsonObject toJson(FeedbackRequest request) {
        JsonObject qualification =
                new JsonObject().put("code", request.qualification().code());
        if (request.qualification().name() != null) {
            qualification.put("name", request.qualification().name());
        }
        qualification.put("grade", request.qualification().grade().name());

        JsonObject json = new JsonObject()
                .put("candidateId", request.candidateId())
                .put("asOf", request.asOf().toString())
                .put("qualification", qualification)
                .put("exam", exam(request.exam()));
        JsonObject candidate = candidate(request.candidate());
        if (!candidate.isEmpty()) {
            json.put("candidate", candidate);
        }
        return json;
    }

    private static JsonObject exam(ExamSitting exam) {
        JsonObject json = new JsonObject()
                .put("round", exam.round())
                .put("stage", exam.stage().name())
                .put("examDate", exam.examDate().toString())
                .put("announcedOn", exam.announcedOn().toString())
                .put("result", exam.result().name());
        if (exam.totalScore() != null) {
            json.put("totalScore", exam.totalScore());
        }
        JsonArray subjects = new JsonArray();
        for (SubjectScore s : exam.subjects()) {
            subjects.add(new JsonObject().put("name", s.name()).put("score", s.score()));
        }
        return json.put("subjects", subjects);
    }

    private static JsonObject candidate(CandidateInfo c) {
        JsonObject json = new JsonObject();
        if (c.birthDate() != null) {
            json.put("birthDate", c.birthDate().toString());
        }
        if (c.writtenPassAnnouncedOn() != null) {
            json.put("writtenPassAnnouncedOn", c.writtenPassAnnouncedOn().toString());
        }
        if (c.eligibilityDocuments() != null) {
            json.put("eligibilityDocuments", c.eligibilityDocuments().name());
        }
        if (c.attempts() != null) {
            json.put("attempts", c.attempts());
        }
        if (!c.heldQualifications().isEmpty()) {
            json.put("heldQualifications", new JsonArray(new java.util.ArrayList<Object>(c.heldQualifications())));
        }
        return json;
    }
}
