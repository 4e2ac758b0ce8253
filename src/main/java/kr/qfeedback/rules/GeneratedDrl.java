package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL text that Drools will compile, with the way back to what staff edited: for a decision
 * table, each generated rule and DRL line maps to its sheet row; for a DRL file, to its line.
 */
record GeneratedDrl(String file, String sheet, String drl, boolean fromTable, Map<Integer, String> rowDescriptions) {
    private static final Pattern ROW_COMMENT = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");

    /** The table row (Excel numbering) whose rule contains the given 1-based DRL line, or null. */
    Integer rowOfLine(int line) {
        if (!fromTable) {
            return null;
        }
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = ROW_COMMENT.matcher(lines[i]);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }

    /** Every rule in this text with where staff find it. */
    Map<String, RuleSource> sources(boolean sheetInSource) {
        Map<String, RuleSource> result = new LinkedHashMap<>();
        String[] lines = drl.split("\n", -1);
        Integer row = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher comment = ROW_COMMENT.matcher(lines[i]);
            if (comment.find()) {
                row = Integer.parseInt(comment.group(1));
                continue;
            }
            Matcher rule = RULE_LINE.matcher(lines[i]);
            if (rule.find()) {
                String name = rule.group(1);
                if (fromTable && row != null) {
                    String description = rowDescriptions.getOrDefault(row, "");
                    String where = RuleFiles.display(file) + ":" + (sheetInSource ? sheet + " " : "") + "row " + row;
                    result.put(
                            name, new RuleSource(description.isBlank() ? sheet + " " + row + "행" : description, where));
                } else {
                    result.put(name, new RuleSource(name, RuleFiles.display(file) + ":line " + (i + 1)));
                }
            }
        }
        return result;
    }

    static List<String> ruleNames(String drl) {
        List<String> names = new ArrayList<>();
        for (String l : drl.split("\n")) {
            Matcher m = RULE_LINE.matcher(l);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
