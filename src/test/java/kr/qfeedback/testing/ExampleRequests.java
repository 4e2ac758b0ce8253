package kr.qfeedback.testing;

import io.vertx.core.json.JsonObject;

/** The README's example request, and copies of a request with one field changed or removed. */
public final class ExampleRequests {
    public static final String EXAMPLE_REQUEST = """
            {
              "candidateId": "cand-0001",
              "asOf": "2026-03-11",
              "qualification": { "code": "1320", "name": "정보처리기사", "grade": "ENGINEER" },
              "exam": {
                "round": "2026-1",
                "stage": "WRITTEN",
                "examDate": "2026-01-30",
                "announcedOn": "2026-03-11",
                "result": "PASS",
                "totalScore": 71.5,
                "subjects": [ { "name": "소프트웨어 설계", "score": 80 } ]
              },
              "candidate": {
                "birthDate": "1999-05-02",
                "writtenPassAnnouncedOn": "2025-06-13",
                "eligibilityDocuments": "NOT_SUBMITTED",
                "attempts": 2,
                "heldQualifications": ["2290"]
              }
            }
            """;

    public static JsonObject example() {
        return new JsonObject(EXAMPLE_REQUEST);
    }

    /** A copy of {@code request} without the field at a dotted path such as {@code exam.round}. */
    public static JsonObject without(JsonObject request, String path) {
        JsonObject copy = request.copy();
        String[] parts = path.split("\\.");
        parent(copy, parts).remove(parts[parts.length - 1]);
        return copy;
    }

    /** A copy of {@code request} with the field at a dotted path set to {@code value} (may be null). */
    public static JsonObject with(JsonObject request, String path, Object value) {
        JsonObject copy = request.copy();
        String[] parts = path.split("\\.");
        parent(copy, parts).put(parts[parts.length - 1], value);
        return copy;
    }

    private static JsonObject parent(JsonObject root, String[] parts) {
        JsonObject node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.getJsonObject(parts[i]);
        }
        return node;
    }

    private ExampleRequests() {}
}
