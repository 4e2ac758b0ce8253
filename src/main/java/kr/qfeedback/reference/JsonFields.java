package kr.qfeedback.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields out of the JSON tree of one reference file; every error names the file and
 * the JSON path of what was wrong.
 */
final class JsonFields {
    private final String file;

    JsonFields(String file) {
        this.file = file;
    }

    /** Reads one element of an array, at its JSON path. */
    interface Element<T> {
        T read(JsonNode node, String path);
    }

    <T> List<T> list(JsonNode parent, String field, String path, Element<T> element) {
        JsonNode node = parent.get(field);
        String at = path + "." + field;
        if (node == null || !node.isArray()) {
            throw fail(at, "expected an array (empty when there is nothing), got " + describe(node));
        }
        List<T> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(element.read(node.get(i), at + "[" + i + "]"));
        }
        return values;
    }

    /** A list added after the first files were written: absent reads as empty. */
    <T> List<T> optionalList(JsonNode parent, String field, String path, Element<T> element) {
        return parent.has(field) ? list(parent, field, path, element) : List.of();
    }

    /** A string added after the first files were written: absent reads as null. */
    String optionalString(JsonNode parent, String field, String path) {
        return parent.has(field) ? string(parent, field, path, true) : null;
    }

    String string(JsonNode parent, String field, String path, boolean nullable) {
        JsonNode node = parent.get(field);
        String at = path.isEmpty() ? field : path + "." + field;
        if (node == null) {
            throw fail(at, "missing");
        }
        if (node.isNull() && nullable) {
            return null;
        }
        if (!node.isTextual()) {
            throw fail(at, "expected a string" + (nullable ? " or null" : "") + ", got " + describe(node));
        }
        return node.asText();
    }

    Integer optionalInt(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        String at = path + "." + field;
        if (node == null) {
            throw fail(at, "missing (write null when unknown)");
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw fail(at, "expected an integer or null, got " + describe(node));
        }
        return node.intValue();
    }

    int requiredInt(JsonNode parent, String field, String path) {
        Integer value = optionalInt(parent, field, path);
        if (value == null) {
            throw fail(path + "." + field, "expected an integer, got null");
        }
        return value;
    }

    Double optionalNumber(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw fail(path + "." + field, "missing (write null when unknown)");
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw fail(path + "." + field, "expected a number or null, got " + describe(node));
        }
        return node.doubleValue();
    }

    LocalDate dateField(JsonNode parent, String field, String path) {
        String value = string(parent, field, path, true);
        return value == null ? null : date(value, path + "." + field);
    }

    LocalDate date(String value, String at) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw fail(at, "expected an ISO date (yyyy-MM-dd), got \"" + value + "\"");
        }
    }

    void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw fail(path, "expected an object, got " + describe(node));
        }
    }

    ReferenceDataException fail(String path, String problem) {
        return new ReferenceDataException(file + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase() + " "
                + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }
}
