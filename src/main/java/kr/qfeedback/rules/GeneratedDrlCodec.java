package kr.qfeedback.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DRL a version's decision tables became, as JSON for the {@link CompileCache}: each source's
 * file, sheet, DRL and row descriptions. Reading is strict; anything unexpected reads as absent.
 */
final class GeneratedDrlCodec {
    /** The cache entry's name. */
    static final String ENTRY = "table-drl.json";

    private static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private GeneratedDrlCodec() {}

    static byte[] encode(List<GeneratedDrl> tableSources) {
        ObjectNode root = MAPPER.createObjectNode().put("format", FORMAT);
        ArrayNode array = root.putArray("sources");
        for (GeneratedDrl source : tableSources) {
            ObjectNode one = array.addObject()
                    .put("file", source.file())
                    .put("sheet", source.sheet())
                    .put("drl", source.drl());
            ObjectNode rows = one.putObject("rows");
            source.rowDescriptions().forEach((row, text) -> rows.put(Integer.toString(row), text));
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the generated DRL could not be written as JSON", e);
        }
    }

    /** The sources, or empty when the bytes are not what {@link #encode} writes. */
    static Optional<List<GeneratedDrl>> decode(byte[] bytes) {
        try {
            JsonNode root = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (root == null
                    || root.path("format").asInt() != FORMAT
                    || !root.path("sources").isArray()) {
                return Optional.empty();
            }
            List<GeneratedDrl> sources = new ArrayList<>();
            for (JsonNode one : root.get("sources")) {
                if (!one.path("file").isTextual()
                        || !one.path("sheet").isTextual()
                        || !one.path("drl").isTextual()
                        || !one.path("rows").isObject()) {
                    return Optional.empty();
                }
                Map<Integer, String> rows = new LinkedHashMap<>();
                var fields = one.get("rows").fields();
                while (fields.hasNext()) {
                    var row = fields.next();
                    rows.put(Integer.parseInt(row.getKey()), row.getValue().asText());
                }
                sources.add(new GeneratedDrl(
                        one.get("file").asText(),
                        one.get("sheet").asText(),
                        one.get("drl").asText(),
                        true,
                        rows));
            }
            return Optional.of(List.copyOf(sources));
        } catch (JsonProcessingException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
