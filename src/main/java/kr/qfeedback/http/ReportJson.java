package kr.qfeedback.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Turns report records (checks, coverage, impact, audit) into JSON objects; times as ISO-8601 text. */
final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private ReportJson() {}

    @SuppressWarnings("unchecked")
    static JsonObject of(Object report) {
        return new JsonObject(MAPPER.convertValue(report, Map.class));
    }

    static Object value(Object report) {
        return MAPPER.convertValue(report, Object.class);
    }
}
