package kr.qfeedback.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/** Compares every cell of every sheet of two workbooks by the text a person sees in it. */
final class SheetDiff {
    private SheetDiff() {}

    /** A cell position ordered as a person reads a sheet: row by row, left to right. */
    private record Position(int row, int column) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            int byRow = Integer.compare(row, other.row);
            return byRow != 0 ? byRow : Integer.compare(column, other.column);
        }

        String reference() {
            return new CellReference(row, column).formatAsString(false);
        }
    }

    /** The changed cells, sheet by sheet (in the newer workbook's sheet order, then removed sheets). */
    static List<CellChange> between(byte[] before, byte[] after, String path) {
        Map<String, TreeMap<Position, String>> old = read(before, path, "earlier");
        Map<String, TreeMap<Position, String>> now = read(after, path, "new");
        List<String> sheets = new ArrayList<>(now.keySet());
        old.keySet().stream().filter(s -> !now.containsKey(s)).forEach(sheets::add);
        List<CellChange> changes = new ArrayList<>();
        for (String sheet : sheets) {
            TreeMap<Position, String> a = old.getOrDefault(sheet, new TreeMap<>());
            TreeMap<Position, String> b = now.getOrDefault(sheet, new TreeMap<>());
            TreeSet<Position> positions = new TreeSet<>(a.keySet());
            positions.addAll(b.keySet());
            for (Position p : positions) {
                String was = a.get(p);
                String is = b.get(p);
                if (!Objects.equals(was, is)) {
                    changes.add(new CellChange(sheet, p.reference(), was, is));
                }
            }
        }
        return changes;
    }

    private static Map<String, TreeMap<Position, String>> read(byte[] content, String path, String side) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        Map<String, TreeMap<Position, String>> sheets = new LinkedHashMap<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                TreeMap<Position, String> cells = new TreeMap<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell);
                        if (!text.isEmpty()) {
                            cells.put(new Position(cell.getRowIndex(), cell.getColumnIndex()), text);
                        }
                    }
                }
                sheets.put(sheet.getSheetName(), cells);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "The " + side + " " + path + " could not be opened as a spreadsheet to"
                            + " compare it cell by cell (" + e.getMessage() + "). Save it again from Excel as .xlsx.",
                    e);
        }
        return sheets;
    }
}
