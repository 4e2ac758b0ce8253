package kr.qfeedback.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * {@code format-table [DIR]}: writes the form aids of {@link SectionTableForm} (dropdowns, range
 * checks, header comments, locked system rows) into {@code DIR/sections.drl.xlsx}, leaving every
 * value as it is. The file is replaced in one step, so a failure leaves the old one; when nothing in
 * it would change it is not written at all, so running the command again changes no byte. The
 * workbook passes {@link WorkbookLimits} (zip bombs, oversized parts, DOCTYPE and entities) before
 * POI opens it, as it does for validate. Everything the command prints is for the policy officer
 * who runs it, in Korean: a workbook that fails those limits, that POI cannot open, or that the form
 * refuses, and a folder or file that cannot be read, are reported as validate reports a problem (the
 * file, then what to do) and the table is left untouched.
 */
public final class FormatTableCommand {
    static final String TABLE = "sections.drl.xlsx";

    private FormatTableCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path dir = Path.of(args.isEmpty() ? "rules" : args.get(0));
        if (!Files.isDirectory(dir)) {
            return refused(
                    err,
                    RuleProblem.inFile(
                            dir.toString(),
                            (Files.exists(dir) ? "폴더가 아니라 파일입니다." : "이런 폴더가 없습니다.")
                                    + " format-table 다음에는 결정표(" + TABLE + ")가 들어 있는 규칙 폴더를 적어 주세요"
                                    + "(예: format-table rules; 폴더를 적지 않으면 rules 를 씁니다)."));
        }
        Path messagesFile = dir.resolve(MessagesReader.FILE);
        Path table = dir.resolve(TABLE);
        List<RuleProblem> problems = new ArrayList<>();
        List<String> names;
        try {
            names = MessagesReader.read(messagesFile.toString(), Files.readAllBytes(messagesFile), problems)
                    .map(SectionTableForm::messageNames)
                    .orElse(List.of());
        } catch (IOException e) {
            return refused(
                    err,
                    RuleProblem.inFile(
                            messagesFile.toString(),
                            "파일을 읽을 수 없습니다(" + why(e) + "). 결정표의 문구 열 목록을 만들려면 이 파일이 필요합니다."
                                    + " 규칙 폴더에 messages.yaml 이 있는지, 읽을 수 있는지 확인한 뒤 다시 실행해 주세요."));
        }
        if (!problems.isEmpty()) {
            err.println("format-table: messages.yaml 에 아래 문제가 있어 결정표의 문구 열에는 목록(드롭다운)을 달지 않습니다."
                    + " 다른 열의 도움 기능은 그대로 답니다.");
            problems.forEach(p -> err.println("  - " + p.describe()));
            err.println("  messages.yaml 을 고친 뒤(validate 로 확인할 수 있습니다) format-table 을 다시 실행하면 문구 열에도 목록이 생깁니다.");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(table);
            WorkbookLimits.check(content);
        } catch (WorkbookLimits.Refused e) {
            return refused(err, DecisionTableChecker.unreadable(table.toString(), e));
        } catch (IOException e) {
            return refused(
                    err,
                    RuleProblem.inFile(
                            table.toString(),
                            "결정표 파일을 읽을 수 없습니다(" + why(e) + "). 규칙 폴더에 " + TABLE
                                    + " 이 있는지, 엑셀에서 열려 있어 잠겨 있지 않은지 확인한 뒤 다시 실행해 주세요."));
        }
        XSSFWorkbook opened;
        try {
            opened = new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) { // POI: not an .xlsx file, or a part of it that is not well-formed
            return refused(err, DecisionTableChecker.unreadable(table.toString(), e));
        }
        Path written = dir.resolve(TABLE + ".tmp");
        try (XSSFWorkbook workbook = opened) {
            SectionTableForm.apply(workbook, names);
            try (OutputStream o = Files.newOutputStream(written)) {
                workbook.write(o);
            }
            if (sameParts(table, written)) {
                out.println("format-table: " + table + " 에는 목록(드롭다운), 범위 검사, 제목 칸 설명 메모, 1~9행 잠금이"
                        + " 이미 모두 있어 파일을 그대로 두었습니다.");
                return 0;
            }
            Files.move(written, table, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SectionTableForm.Refused e) {
            return refused(err, RuleProblem.inFile(table.toString(), e.getMessage()));
        } catch (IOException e) {
            return refused(
                    err,
                    RuleProblem.inFile(
                            table.toString(),
                            "고친 결정표를 저장하지 못했습니다(" + why(e) + "). 원래 파일은 그대로입니다. 규칙 폴더에 쓸 권한과"
                                    + " 남은 디스크 공간을 확인하고, 엑셀에서 이 파일을 닫은 뒤 다시 실행해 주세요."));
        } finally {
            removeLeftover(written, err);
        }
        out.println(
                "format-table: " + table + " 에 목록(드롭다운), 범위 검사, 제목 칸 설명 메모, 1~9행 잠금을 달았습니다." + " 칸의 값은 하나도 바꾸지 않았습니다.");
        return 0;
    }

    /**
     * Deletes the temporary copy when it was not moved into place: left in the rules folder it would
     * count as a rule file, and change the rules version.
     */
    private static void removeLeftover(Path written, PrintStream err) {
        try {
            Files.deleteIfExists(written);
        } catch (IOException e) {
            err.println("format-table: 임시 파일 " + written + " 을 지우지 못했습니다(" + why(e)
                    + "). 규칙 폴더에 남아 있으면 규칙 파일로 읽히니 직접 지워 주세요.");
        }
    }

    /** Why a file could not be read or written, in words a member of staff can act on. */
    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "파일이 없습니다";
        }
        if (e instanceof AccessDeniedException) {
            return "권한이 없습니다";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "파일 시스템 오류: " + fs.getReason();
        }
        return "입출력 오류: " + e.getMessage();
    }

    /** Says, in Korean and located as validate locates it, why the table was left as it was; exit 1. */
    private static int refused(PrintStream err, RuleProblem problem) {
        err.println("format-table: 아래 문제로 결정표 파일을 바꾸지 않았습니다.");
        err.println("  - " + problem.describe());
        return 1;
    }

    /**
     * Whether two workbooks have the same parts, byte for byte. The zip around them differs in its
     * timestamps on every write, so an unchanged table is left alone: the rules version, a hash of
     * the files' bytes, stays the same.
     */
    static boolean sameParts(Path a, Path b) throws IOException {
        Map<String, byte[]> left = parts(a);
        Map<String, byte[]> right = parts(b);
        return left.keySet().equals(right.keySet())
                && left.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), right.get(e.getKey())));
    }

    private static Map<String, byte[]> parts(Path file) throws IOException {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }
}
