package kr.qfeedback.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.AuditEntry;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's 상담 tab in headless Chromium against the real service keeping its records in a
 * cluster of one: a decision id pasted with the helpdesk token shows the page the candidate got,
 * section for section, with 결정 근거 open; an unknown id and a token without the role get Korean
 * sentences saying what to do. Skipped without Chromium.
 */
class ConsoleHelpdeskBrowserTest {
    static final String HELPDESK = "kang.helpdesk";
    static final String HELPDESK_TOKEN = "helpdesk-token-of-kang-for-the-console";
    static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;

    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle()
            .keepingRecords()
            .mounting(ConsoleRoutes::mount)
            .tokens(LiveServer.TOKENS + ",helpdesk:" + HELPDESK + ":" + HELPDESK_TOKEN);

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
    void aPastedDecisionIdShowsThePageTheCandidateGotWithTheReasonsForEachSection() throws Exception {
        JsonObject original = server.decideExample();
        String id = original.getString("decisionId");
        driver.get(server.url("/console/"));
        useToken(HELPDESK_TOKEN);
        driver.findElement(By.id("tab-helpdesk")).click();
        assertTrue(driver.findElement(By.id("panel-helpdesk")).isDisplayed());

        look(id);
        WebElement page = new WebDriverWait(driver, QUICK)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#helpdesk-result .qnet-page")));
        List<String> shown = page.findElements(By.cssSelector("[data-section-id]")).stream()
                .map(e -> e.getAttribute("data-section-id"))
                .toList();
        JsonArray sections = original.getJsonArray("sections");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            sent.add(sections.getJsonObject(i).getString("id"));
        }
        assertEquals(sent, shown, "the sections of the page the candidate got, in its order");
        WebElement summary = page.findElement(By.cssSelector("[data-section-id='RESULT_SUMMARY']"));
        assertEquals(
                sections.getJsonObject(0).getString("title"),
                summary.findElement(By.cssSelector(".section-title")).getText());
        WebElement reasons = summary.findElement(By.cssSelector(".trace"));
        assertTrue(reasons.isDisplayed(), "결정 근거 is open");
        assertTrue(reasons.getText().contains("sections.drl.xlsx"), reasons.getText());
        String meta = driver.findElement(By.cssSelector("#helpdesk-result .helpdesk-meta"))
                .getText();
        assertTrue(meta.contains(id) && meta.contains(original.getString("rulesVersion")), meta);
        assertTrue(status().contains("감사 기록"), status());
        List<AuditEntry> entries = server.lifecycle().audit().entries();
        AuditEntry read = entries.get(entries.size() - 1);
        assertEquals(AuditAction.RECORD_READ, read.action());
        assertEquals(HELPDESK, read.who());
        assertTrue(read.note().contains(id), read.note());
        screenshot("20-helpdesk-page-desktop");

        look(UUID.randomUUID().toString());
        waitForStatus("그런 결정이 없습니다");
        assertTrue(driver.findElements(By.cssSelector("#helpdesk-result .qnet-page"))
                .isEmpty());

        useToken(LiveServer.DECIDE_TOKEN);
        look(id);
        waitForStatus("권한이 없습니다");
        assertTrue(status().contains("상담(helpdesk)"), status());
        assertFalse(status().contains(original.getJsonObject("notifications").getString("sms")), status());
    }

    private static void look(String id) {
        WebElement input = driver.findElement(By.id("helpdesk-id"));
        input.clear();
        input.sendKeys(id);
        driver.findElement(By.id("helpdesk-button")).click();
    }

    private static String status() {
        return driver.findElement(By.id("helpdesk-status")).getText();
    }

    private static void waitForStatus(String text) {
        new WebDriverWait(driver, QUICK)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("helpdesk-status"), text));
    }

    private static void useToken(String token) {
        WebElement input = driver.findElement(By.id("token"));
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.cssSelector("#token-form button[type='submit']")).click();
        new WebDriverWait(driver, QUICK)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-status"), "보관 중"));
        assertEquals(
                token, ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('qfConsoleToken')"));
    }

    private static void screenshot(String name) throws Exception {
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(
                png.toPath(),
                ConsoleBrowserTest.SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
