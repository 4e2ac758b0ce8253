package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** File changes to and from JSON: {path, kind, cells:[{sheet, cell, before, after}], lines:[{beforeLine, afterLine, before, after}], omitted}. */
final class DiffJson {
    private DiffJson() {}

    static ArrayNode toJson(List<FileChange> diff) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (FileChange change : diff) {
            ObjectNode file = array.addObject();
            file.put("path", change.path());
            file.put("kind", change.kind().name());
            ArrayNode cells = file.putArray("cells");
            for (CellChange c : change.cells()) {
                cells.addObject()
                        .put("sheet", c.sheet())
                        .put("cell", c.cell())
                        .put("before", c.before())
                        .put("after", c.after());
            }
            ArrayNode lines = file.putArray("lines");
            for (LineChange l : change.lines()) {
                lines.addObject()
                        .put("beforeLine", l.beforeLine())
                        .put("afterLine", l.afterLine())
                        .put("before", l.before())
                        .put("after", l.after());
            }
            file.put("omitted", change.omitted());
        }
        return array;
    }

    static List<FileChange> fromJson(JsonNode array) {
        List<FileChange> diff = new ArrayList<>();
        for (JsonNode file : array) {
            List<CellChange> cells = new ArrayList<>();
            for (JsonNode c : Json.array(file, "cells")) {
                cells.add(new CellChange(
                        Json.text(c, "sheet"),
                        Json.text(c, "cell"),
                        Json.optionalText(c, "before"),
                        Json.optionalText(c, "after")));
            }
            List<LineChange> lines = new ArrayList<>();
            for (JsonNode l : Json.array(file, "lines")) {
                lines.add(new LineChange(
                        Json.optionalInt(l, "beforeLine"),
                        Json.optionalInt(l, "afterLine"),
                        Json.optionalText(l, "before"),
                        Json.optionalText(l, "after")));
            }
            diff.add(new FileChange(
                    Json.text(file, "path"), Json.enumValue(file, "kind", ChangeKind.class), cells, lines, (int)
                            Json.number(file, "omitted")));
        }
        return diff;
    }
}
