package kr.qfeedback.reference.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import kr.qfeedback.reference.ReferenceDataException;

/** Typed access to the snapshot's JSON, with errors that name the file and the field. */
final class QnetJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QnetJson() {}

    /** Reads a JSON file; {@code name} is how the file is named in error messages. */
    static JsonNode read(Path file, String name) {
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new ReferenceDataException(name + ": file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ReferenceDataException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ReferenceDataException(name + ": file not found (" + file + ")", e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new ReferenceDataException(name + ": file not found (" + file + ")", e);
            }
            throw new ReferenceDataException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new ReferenceDataException(where + field + ": expected an object, got " + describe(node));
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new ReferenceDataException(where + field + ": expected an array, got " + describe(node));
        }
        return node;
    }

    /** A string field that must be present (it may be empty). */
    static String text(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new ReferenceDataException(where + field + ": expected a string, got " + describe(node));
        }
        return node.asText();
    }

    /** A string field that may be absent or null (returned as ""). */
    static String optionalText(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new ReferenceDataException(where + field + ": expected a string, got " + describe(node));
        }
        return node.asText();
    }

    static int integer(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new ReferenceDataException(where + field + ": expected an integer, got " + describe(node));
        }
        return node.intValue();
    }

    static double number(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber()) {
            throw new ReferenceDataException(where + field + ": expected a number, got " + describe(node));
        }
        return node.doubleValue();
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing (field missing)";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase() + " "
                + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }
}
