package kr.qfeedback.reference.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exam fees of a qualification from {@code fee} = {written, practical, raw}.
 *
 * <p>{@code raw} is the API's own text ("1차 : 67800, 2차 : 87100"); {@code written}/{@code practical}
 * were split from it by the mirror. Where the split disagrees with the labels of the raw text the
 * raw text wins: for 석공기능사 and eleven other qualifications without a written exam the raw text is
 * ", 2차 : 50200" but the mirror filed 50200 as the written fee.
 */
final class FeeParser {

    record Fees(Integer written, Integer secondStage) {}

    private static final Pattern RAW_PART = Pattern.compile("(\\d)\\s*차\\s*:\\s*([0-9][0-9,]*)");

    private FeeParser() {}

    static Fees parse(JsonNode fee, String where, Consumer<String> notes) {
        Integer written = amount(QnetJson.optionalText(fee, "written", where));
        Integer second = amount(QnetJson.optionalText(fee, "practical", where));
        String raw = QnetJson.optionalText(fee, "raw", where).trim();
        if (raw.isEmpty()) {
            return new Fees(written, second);
        }
        Map<String, Integer> byStage = new HashMap<>();
        Matcher m = RAW_PART.matcher(raw);
        while (m.find()) {
            byStage.putIfAbsent(m.group(1), amount(m.group(2)));
        }
        if (byStage.isEmpty()) {
            notes.accept(where + "raw \"" + raw + "\" has no \"N차 : amount\" parts; used written/practical");
            return new Fees(written, second);
        }
        Fees fromRaw = new Fees(byStage.get("1"), byStage.get("2"));
        if (!fromRaw.equals(new Fees(written, second))) {
            notes.accept(where + "written/practical " + List.of(String.valueOf(written), String.valueOf(second))
                    + " disagree with raw \"" + raw + "\"; used raw (written " + fromRaw.written()
                    + ", second stage " + fromRaw.secondStage() + ")");
        }
        return fromRaw;
    }

    private static Integer amount(String text) {
        String digits = text == null ? "" : text.trim().replace(",", "");
        if (!digits.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(digits);
    }
}
