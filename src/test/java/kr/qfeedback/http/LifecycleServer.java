package kr.qfeedback.http;

import kr.qfeedback.testing.ExampleRequests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * The real service wired as {@code Main serve} wires it: {@link RulesLifecycle} over a
 * {@link VersionStore} and {@link AuditLog} in a data folder, the {@link AcceptanceGate} over the
 * real {@code features/} folder, {@link RulesApi} with a cohort of {@link CohortGenerator}, all
 * behind {@link HttpService} on a free port ({@link LiveServer} sends the requests).
 *
 * <p>Checking a rule set (compile, coverage analysis, scenarios) takes many seconds, so the start-up
 * of the shipped rules into an empty data folder runs once per JVM ({@link #seededDataDir}); a
 * server over a copy of that folder and the shipped rules only recompiles.
 */
final class LifecycleServer implements AutoCloseable {
    static final Path SHIPPED_RULES = Path.of("rules");
    static final Path FEATURES = Path.of("features");
    static final String TABLE = "sections.drl.xlsx";
    static final String SHEET = "섹션표시";
    /** The audit name QF_TOKENS gives the first author token. */
    static final String AUTHOR_NAME = "author-1";

    private static Path pristineData;
    private static LifecycleServer shared;

    private final LiveServer http;
    private final RulesLifecycle lifecycle;
    private final Path rulesDir;
    private final Path dataDir;

    private LifecycleServer(LiveServer http, RulesLifecycle lifecycle, Path rulesDir, Path dataDir) {
        this.http = http;
        this.lifecycle = lifecycle;
        this.rulesDir = rulesDir;
        this.dataDir = dataDir;
    }

    /**
     * Starts the service as {@code serve} does: {@link RulesLifecycle#start} with the folder on disk
     * (throws {@link kr.qfeedback.rules.RuleSetException} when it cannot go live), then HTTP.
     */
    static LifecycleServer start(Path rulesDir, Path dataDir, int instances) {
        RulesLifecycle lifecycle = lifecycle(dataDir);
        lifecycle.start(RuleFiles.read(rulesDir), RulesLifecycle.scenariosAvailable(FEATURES));
        RulesApi rulesApi = new RulesApi(lifecycle,
                (rules, size, seed) -> CohortGenerator.list(rules.reference(), rules.parameters(), seed, size), dataDir.resolve("uploads"));
        FeedbackApi api = new FeedbackApi(lifecycle.active(), TokenRegistry.parse(LiveServer.TOKENS), new ServiceMetrics(),
                Clock.systemUTC(), rulesApi);
        return new LifecycleServer(LiveServer.start(api, instances), lifecycle, rulesDir, dataDir);
    }

    static RulesLifecycle lifecycle(Path dataDir) {
        return new RulesLifecycle(new ActiveRuleSet(), VersionStore.open(dataDir), AuditLog.open(dataDir),
                new AcceptanceGate(FEATURES), Clock.systemUTC());
    }

    /**
     * A server over a copy of the shipped rules and a seeded data folder, both under {@code dir}:
     * the shipped version is active and the audit log holds its STARTUP entry.
     */
    static LifecycleServer startSeeded(Path dir, int instances) {
        return start(copyOfShippedRules(dir.resolve("rules")), seededDataDir(dir.resolve("data")), instances);
    }

    /**
     * One server per JVM for tests that change nothing (validate, impact, roles): never publish or
     * roll back through it. It stops with the JVM.
     */
    static synchronized LifecycleServer shared() {
        if (shared == null) {
            Path dir = tempDir("qf-shared-");
            shared = startSeeded(dir, 1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.close();
                deleteTree(dir);
            }, "stop shared lifecycle server"));
        }
        return shared;
    }

    /**
     * Copies into {@code target} a data folder in which the shipped rules went live at start-up
     * (version stored and active, one STARTUP audit entry by {@code system}). The first call of a
     * JVM runs the full start-up checks; later calls copy.
     */
    static Path seededDataDir(Path target) {
        copyTree(pristineDataDir(), target);
        return target;
    }

    private static synchronized Path pristineDataDir() {
        if (pristineData == null) {
            Path dir = tempDir("qf-seed-");
            Path data = dir.resolve("data");
            lifecycle(data).start(RuleFiles.read(SHIPPED_RULES), true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "remove seed"));
            pristineData = data;
        }
        return pristineData;
    }

    static Path copyOfShippedRules(Path target) {
        copyTree(SHIPPED_RULES, target);
        return target;
    }

    LiveServer http() {
        return http;
    }

    RulesLifecycle lifecycle() {
        return lifecycle;
    }

    Path rulesDir() {
        return rulesDir;
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        http.close();
    }

    // ---- requests ---------------------------------------------------------------------------

    /** One part of a multipart/form-data body: a file when {@code fileName} is given, else a form field. */
    record Part(String name, String fileName, byte[] content) {
        static Part file(String fileName, byte[] content) {
            return new Part("files", fileName, content);
        }

        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** POSTs {@code parts} as multipart/form-data with {@code token} (null = no Authorization header). */
    HttpResponse<String> upload(String path, String token, Part... parts) {
        String boundary = "qf-" + UUID.randomUUID();
        byte[] body = multipart(boundary, List.of(parts));
        HttpRequest.Builder b = http.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build());
    }

    HttpResponse<String> validate(Part... parts) {
        return upload("/v1/rules/validate", LiveServer.AUTHOR_TOKEN, parts);
    }

    HttpResponse<String> publish(Part... parts) {
        return upload("/v1/rules/publish", LiveServer.AUTHOR_TOKEN, parts);
    }

    HttpResponse<String> rollback(String body) {
        return http.post("/v1/rules/rollback", LiveServer.AUTHOR_TOKEN, "application/json", body);
    }

    HttpResponse<String> rollbackTo(String version) {
        return rollback(new JsonObject().put("version", version).encode());
    }

    /** GET /v1/rules with the author token, parsed. */
    JsonObject history() {
        HttpResponse<String> response = http.get("/v1/rules", LiveServer.AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        return LiveServer.json(response);
    }

    String activeId() {
        return history().getJsonObject("active").getString("id");
    }

    /** GET /v1/rules/audit entries, oldest first. */
    JsonArray auditEntries() {
        HttpResponse<String> response = http.get("/v1/rules/audit", LiveServer.AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        return LiveServer.json(response).getJsonArray("entries");
    }

    /** The example request (WRITTEN PASS of 정보처리기사) decided now, parsed. */
    JsonObject decideExample() {
        return LiveServer.decision(http.postFeedback(ExampleRequests.EXAMPLE_REQUEST));
    }

    static byte[] multipart(String boundary, List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(p.name()).append('"');
            if (p.fileName() != null) {
                head.append("; filename=\"").append(p.fileName()).append("\"\r\nContent-Type: application/octet-stream");
            }
            head.append("\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    // ---- rule files as staff edit them --------------------------------------------------------

    /** The shipped file's bytes. */
    static byte[] shipped(String name) {
        return read(SHIPPED_RULES.resolve(name));
    }

    /** The shipped text file with {@code from} (which must occur exactly once) replaced. */
    static byte[] shippedTextWith(String name, String from, String to) {
        String text = new String(shipped(name), StandardCharsets.UTF_8);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("'" + from + "' should occur exactly once in " + name);
        }
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    /** The 1-based line of the shipped text file that contains {@code text}. */
    static int shippedLineOf(String name, String text) {
        List<String> lines = new String(shipped(name), StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no line of " + name + " contains '" + text + "'");
    }

    /** The shipped decision table after {@code edit} of its sheet 섹션표시, as the bytes of an .xlsx. */
    static byte[] shippedTableWith(Consumer<Sheet> edit) {
        try (InputStream in = Files.newInputStream(SHIPPED_RULES.resolve(TABLE)); Workbook workbook = WorkbookFactory.create(in)) {
            edit.accept(workbook.getSheet(SHEET));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types text into a cell (e.g. {@code "H17"}) of the sheet. */
    static void type(Sheet sheet, String ref, String text) {
        CellReference at = new CellReference(ref);
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        Cell cell = row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
        cell.setCellValue(text);
    }

    /** Appends a copy of a row (Excel numbering) under the last row with some cells replaced; returns its Excel row. */
    static int appendCopy(Sheet sheet, int excelRow, String column, String value) {
        Row from = sheet.getRow(excelRow - 1);
        int index = sheet.getLastRowNum() + 1;
        Row to = sheet.createRow(index);
        for (Cell cell : from) {
            Cell copy = to.createCell(cell.getColumnIndex());
            copy.setCellStyle(cell.getCellStyle());
            switch (cell.getCellType()) {
                case NUMERIC -> copy.setCellValue(cell.getNumericCellValue());
                case STRING -> copy.setCellValue(cell.getStringCellValue());
                case BOOLEAN -> copy.setCellValue(cell.getBooleanCellValue());
                default -> {
                }
            }
        }
        type(sheet, column + (index + 1), value);
        return index + 1;
    }

    /** A zip of every file under {@code folder}, inside a top folder {@code top/} as "compress the folder" makes it. */
    static byte[] zip(Path folder, String top) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                zip.putNextEntry(new ZipEntry(top + "/" + folder.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---- files ----------------------------------------------------------------------------------

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (Path p : all) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList()));
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a temporary folder
        }
    }
}
