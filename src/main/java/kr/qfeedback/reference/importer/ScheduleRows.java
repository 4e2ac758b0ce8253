package kr.qfeedback.reference.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.reference.ReferenceDataException;

/**
 * Reads the two schedule files of the Q-Net snapshot into rows: the series schedule
 * ({@code schedules.json}) and the per-grade document windows of the raw API answer; every value
 * is checked and a bad one is named by file and field.
 */
final class ScheduleRows {
    private ScheduleRows() {}

    static List<RoundAssembler.SeriesRound> readSeries(JsonNode schedules, String file) {
        List<RoundAssembler.SeriesRound> rounds = new ArrayList<>();
        JsonNode items = QnetJson.array(schedules, "items", file + ": ");
        for (int i = 0; i < items.size(); i++) {
            String where = file + ": items[" + i + "].";
            JsonNode item = items.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : RoundAssembler.DATE_FIELDS) {
                String value = QnetJson.optionalText(item, field, where).trim();
                QnetDates.iso(value, where + field); // validates
                values.put(field, value);
            }
            rounds.add(new RoundAssembler.SeriesRound(
                    QnetJson.text(item, "name", where).trim(),
                    QnetJson.optionalText(item, "round", where).trim(),
                    values));
        }
        return rounds;
    }

    static List<RoundAssembler.DocumentRow> readDocumentRows(JsonNode raw, String file) {
        List<RoundAssembler.DocumentRow> rows = new ArrayList<>();
        for (String list : List.of("getEList", "getCList", "getPEList")) {
            JsonNode array = raw.get(list);
            if (array == null || array.isNull()) {
                continue;
            }
            if (!array.isArray()) {
                throw new ReferenceDataException(
                        file + ": " + list + ": expected an array, got " + QnetJson.describe(array));
            }
            for (int i = 0; i < array.size(); i++) {
                String where = file + ": " + list + "[" + i + "].";
                JsonNode row = array.get(i);
                rows.add(new RoundAssembler.DocumentRow(
                        list,
                        RoundAssembler.roundNumber(QnetJson.optionalText(row, "description", where)),
                        QnetDates.compact(QnetJson.optionalText(row, "docpassdt", where), where + "docpassdt"),
                        QnetDates.compact(
                                QnetJson.optionalText(row, "docsubmitstartdt", where), where + "docsubmitstartdt"),
                        QnetDates.compact(
                                QnetJson.optionalText(row, "docsubmitentdt", where), where + "docsubmitentdt")));
            }
        }
        return rows;
    }
}
