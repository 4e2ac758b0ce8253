package kr.qfeedback.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kr.qfeedback.lifecycle.PublishApproval;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.ShippedRules;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two people to publish (기안 → 결재) in the staff console, in headless Chromium against the real
 * service with QF_PUBLISH_APPROVAL=required: the author's publish becomes a request shown with its
 * impact; the author's own approver token is refused; another approver approves it and it goes
 * live; a second request is returned with a reason and nothing changes. Skipped without Chromium.
 */
@org.junit.jupiter.api.TestMethodOrder(
        org.junit.jupiter.api.MethodOrderer.MethodName.class) // the saved scenario's request last
class ConsolePublishApprovalBrowserTest {
    static final String AUTHOR = "kim.policy";
    static final String APPROVER = "lee.approver";
    static final String APPROVER_TOKEN = "approver-token-for-lee";
    static final String AUTHORS_APPROVER_TOKEN = "approver-token-for-kim";
    static final Duration QUICK = Duration.ofSeconds(30);
    static final Duration SLOW = ConsoleBrowserTest.SLOW;

    @TempDir
    static Path tmp;

    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle()
            .mounting(ConsoleRoutes::mount)
            .publishApproval(PublishApproval.REQUIRED)
            .tokens("decide:" + LiveServer.DECIDE_TOKEN + ",author:" + AUTHOR + ":" + LiveServer.AUTHOR_TOKEN
                    + ",approver:" + APPROVER + ":" + APPROVER_TOKEN + ",approver:" + AUTHOR + ":"
                    + AUTHORS_APPROVER_TOKEN);

    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        driver = HeadlessChromium.start(tmp, QUICK);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAuthorsPublishWaitsForAnotherApproverWhoSeesItsImpactAndApprovesOrReturnsIt() throws Exception {
        driver.get(server.url("/console/"));
        driver.findElement(By.id("tab-rules")).click();
        String before = server.activeId();

        // 기안: the author's publish becomes a request, shown with its impact
        useToken(LiveServer.AUTHOR_TOKEN);
        WebElement first = request("B10", "필기 합격: 합격 결과를 맨 위에 크게 강조", "결재 시험: 설명 다듬기");
        assertTrue(first.getText().contains(AUTHOR), first.getText());
        assertTrue(first.getText().contains("결재 시험: 설명 다듬기"), first.getText());
        WebElement impact = first.findElement(By.cssSelector(".impact-report"));
        assertTrue(impact.getText().contains("가상 응시자") && impact.getText().contains("300명"), impact.getText());
        assertEquals(before, server.activeId(), "nothing went live");
        screenshot("20-approval-requested-desktop", ConsoleBrowserTest.DESKTOP);

        // the author's own approver token cannot decide it
        useToken(AUTHORS_APPROVER_TOKEN);
        first = pendingCard(first.getAttribute("data-id"));
        first.findElement(By.cssSelector("button.approve")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending-status"), "본인이 기안한"));
        assertEquals(before, server.activeId());

        // 결재: another approver approves; the request's version goes live
        useToken(APPROVER_TOKEN);
        String firstId = first.getAttribute("data-id");
        pendingCard(firstId).findElement(By.cssSelector("button.approve")).click();
        wait(SLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending-status"), "승인 완료"));
        WebElement approved = card(firstId);
        assertEquals("APPROVED", approved.getAttribute("data-state"));
        assertTrue(approved.getText().contains(APPROVER), approved.getText());
        String published = server.activeId();
        assertNotEquals(before, published);
        assertTrue(driver.findElement(By.id("pending-status")).getText().contains(published));
        screenshot("21-approval-approved-desktop", ConsoleBrowserTest.DESKTOP);

        // 반려: a second request goes back to its author with a reason; nothing changes
        useToken(LiveServer.AUTHOR_TOKEN);
        String secondId = request("B10", "필기 합격: 결과 강조", "결재 시험: 반려될 요청").getAttribute("data-id");
        useToken(APPROVER_TOKEN);
        WebElement second = pendingCard(secondId);
        second.findElement(By.cssSelector("button.return")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending-status"), "사유를 적어"));
        second.findElement(By.cssSelector("textarea.return-reason")).sendKeys("설명이 너무 짧습니다");
        second.findElement(By.cssSelector("button.return")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending-status"), "반려 완료"));
        WebElement returned = card(secondId);
        assertEquals("RETURNED", returned.getAttribute("data-state"));
        assertTrue(returned.getText().contains("설명이 너무 짧습니다"), returned.getText());
        assertEquals(published, server.activeId(), "a returned request switches nothing");
        screenshot("22-approval-returned-desktop", ConsoleBrowserTest.DESKTOP);
        screenshot("23-approval-returned-phone", ConsoleBrowserTest.PHONE);

        useToken(LiveServer.AUTHOR_TOKEN);
        driver.findElement(By.id("audit-button")).click();
        WebElement audit = wait(QUICK)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit-result table.audit")));
        assertTrue(audit.getText().contains("결재 요청(기안)") && audit.getText().contains("반려"), audit.getText());
        assertTrue(audit.getText().contains("기안자 " + AUTHOR), "the publish names the 기안자: " + audit.getText());
    }

    /** Uploads the table with {@code cell} edited, publishes it with {@code note}, and returns its pending card. */
    private static WebElement request(String cell, String text, String note) throws Exception {
        Path file = editedTable(note.replaceAll("[^A-Za-z0-9가-힣]", "_"), cell, text);
        WebElement input = driver.findElement(By.id("rule-files"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = ''", input);
        input.sendKeys(file.toAbsolutePath().toString());
        WebElement size = driver.findElement(By.id("impact-size"));
        size.clear();
        size.sendKeys("300");
        WebElement noteField = driver.findElement(By.id("publish-note"));
        noteField.clear();
        noteField.sendKeys(note);
        driver.findElement(By.id("publish-button")).click();
        wait(SLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "결재 요청 완료"));
        String status = driver.findElement(By.id("rules-status")).getText();
        String id = status.replaceAll(".*요청 ([0-9a-f]{16}).*", "$1");
        return card(id);
    }

    /** Loads the requests with the token in use and returns the card of {@code id}. */
    private static WebElement pendingCard(String id) {
        driver.findElement(By.id("pending-button")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending-status"), "불러왔습니다"));
        return card(id);
    }

    @Test
    void theScenarioSavedFromAPreviewIsSentForApprovalAndGoesLiveOnlyWhenApproved() throws Exception {
        driver.get(server.url("/console/"));
        String before = server.activeId();
        useToken(LiveServer.DECIDE_TOKEN);
        driver.findElement(By.id("tab-preview")).click();
        driver.findElement(By.cssSelector("[data-preset='WRITTEN_PASS']")).click();
        driver.findElement(By.id("preview-button")).click();
        WebElement page = wait(QUICK)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#preview-result .qnet-page[data-outcome='WRITTEN_PASS']")));
        page.findElement(By.cssSelector("[data-section-id='RESULT_SUMMARY'] input.pick-section"))
                .click();
        WebElement name = driver.findElement(By.id("scenario-name"));
        name.clear();
        name.sendKeys("결재 시험: 필기 합격 결과");
        useToken(LiveServer.AUTHOR_TOKEN);
        driver.findElement(By.id("scenario-save")).click();
        wait(SLOW)
                .until(ExpectedConditions.elementToBeClickable(By.id("scenario-publish")))
                .click();

        wait(SLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("scenario-status"), "결재 요청 완료"));
        String result = driver.findElement(By.id("scenario-result")).getText();
        assertTrue(result.contains("결재 요청 완료") && result.contains("승인"), result);
        assertEquals(before, server.activeId(), "the scenario waits for a second person");
    }

    private static WebElement card(String id) {
        return wait(QUICK)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#pending-result .pending-request[data-id='" + id + "']")));
    }

    static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    static void useToken(String token) {
        WebElement input = driver.findElement(By.id("token"));
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.cssSelector("#token-form button[type='submit']")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-status"), "보관 중"));
    }

    static Path editedTable(String name, String ref, String text) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path file = dir.resolve("sections.drl.xlsx");
        Files.copy(ShippedRules.FOLDER.resolve("sections.drl.xlsx"), file);
        Workbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = WorkbookFactory.create(in);
        }
        try (Workbook w = workbook;
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = w.getSheet("섹션표시");
            CellReference r = new CellReference(ref);
            Row row = sheet.getRow(r.getRow());
            Cell cell = row.getCell(r.getCol());
            (cell == null ? row.createCell(r.getCol()) : cell).setCellValue(text);
            w.write(out);
        }
        return file;
    }

    static void screenshot(String name, int width) throws Exception {
        var window = driver.manage().window();
        window.setSize(new Dimension(width, 900));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        long height =
                (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        window.setSize(new Dimension(width, (int) Math.min(Math.max(height, 900), 12_000)));
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(
                png.toPath(),
                ConsoleBrowserTest.SCREENSHOTS.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        window.setSize(new Dimension(ConsoleBrowserTest.DESKTOP, 1000));
    }
}
