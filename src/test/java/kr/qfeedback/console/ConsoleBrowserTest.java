package kr.qfeedback.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.ShippedRules;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff console in a real browser: Debian's headless Chromium driven by Selenium through the
 * system chromedriver (no driver or browser downloads), against the real service with the rules
 * lifecycle on a temporary data folder. Previews every preset, checks the page is usable by
 * keyboard alone, and runs upload → validate (broken, then fixed) → impact → publish → rollback
 * → audit, plus the decide token being refused author actions. Screenshots go to
 * {@code target/console-screenshots/}. Skipped when Chromium or chromedriver is not installed.
 */
class ConsoleBrowserTest {
    static final Path CHROMIUM = Path.of(System.getProperty("qfeedback.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("qfeedback.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final int DESKTOP = 1366;
    static final int PHONE = 390;
    static final Duration QUICK = Duration.ofSeconds(30);
    /** Publishing compiles, analyses every profile and runs the Korean scenarios: minutes on a busy 2-core machine. */
    static final Duration SLOW = Duration.ofMinutes(6);

    @TempDir
    static Path tmp;

    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle().mounting(ConsoleRoutes::mount);

    private static ChromeDriver driver;
    private String startupVersion;
    private String publishedVersion;

    @BeforeAll
    static void start() throws Exception {
        driver = HeadlessChromium.start(tmp, QUICK);
    }

    /** Every test starts from a freshly loaded console with the decide token, whatever the one before left open. */
    @BeforeEach
    void openTheConsole() {
        driver.get(server.url("/console/"));
        useToken(LiveServer.DECIDE_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    // ---- preview ----------------------------------------------------------------------------

    @Test
    void theWrittenPassPresetShowsThePassInGreenWithTheExemptionWindowChartAndQrCodes() throws Exception {
        WebElement page = preview("WRITTEN_PASS");
        assertSections(
                page,
                "RESULT_SUMMARY",
                "ELIGIBILITY_DOCUMENTS",
                "WRITTEN_EXEMPTION",
                "SCORE_BREAKDOWN",
                "PASS_RATE_TREND");
        assertEmphasis(page, "SUCCESS", "필기 합격", "rgba(11, 110, 79, 1)");
        WebElement exemption = section(page, "WRITTEN_EXEMPTION");
        assertTrue(exemption.getText().contains("2026.03.11 ~ 2028.03.10"), exemption.getText());
        assertTrue(exemption.getText().contains("730일"), "days left: " + exemption.getText());
        WebElement chart = section(page, "PASS_RATE_TREND").findElement(By.cssSelector("svg.trend-chart"));
        assertEquals(5, chart.findElements(By.cssSelector("rect.bar")).size(), "one bar per year");
        assertTrue(chart.findElement(By.tagName("desc"))
                .getAttribute("textContent")
                .contains("%"));
        assertQrCodesLoaded(page);
        assertTrue(page.findElements(By.cssSelector(".stamp")).isEmpty(), "a written pass is not the final pass");
        // the rule that decided a section, on request
        WebElement summary = section(page, "RESULT_SUMMARY");
        WebElement toggle = summary.findElement(By.cssSelector(".trace-toggle"));
        WebElement trace = summary.findElement(By.cssSelector(".trace"));
        assertFalse(trace.isDisplayed());
        toggle.click();
        assertTrue(trace.isDisplayed());
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        assertTrue(trace.getText().contains("출처") && trace.getText().contains("sections.drl.xlsx"), trace.getText());
        // what the candidate also reads, after the sections: the dated reminders and the text messages
        WebElement reminders = page.findElement(By.cssSelector("[data-page-part='REMINDERS']"));
        assertTrue(reminders.getText().contains("알림 일정"), reminders.getText());
        assertFalse(reminders.findElements(By.cssSelector("li")).isEmpty(), "a written passer has dated next steps");
        WebElement messages = page.findElement(By.cssSelector("[data-page-part='NOTIFICATIONS']"));
        assertTrue(messages.findElement(By.cssSelector(".sms")).getText().startsWith("Q-Net:"), messages.getText());
        assertTrue(messages.findElement(By.cssSelector(".lms")).getText().contains("다음 일정"), messages.getText());
        screenshot("01-preview-written-pass-desktop", DESKTOP);
        screenshot("02-preview-written-pass-phone", PHONE);
    }

    @Test
    void theWrittenFailPresetMarksTheFailedSubjectAndOffersReRegistrationWithAQrCode() throws Exception {
        WebElement page = preview("WRITTEN_FAIL");
        assertSections(
                page,
                "RESULT_SUMMARY",
                "SCORE_BREAKDOWN",
                "PASS_CRITERIA",
                "WEAK_SUBJECTS",
                "PASS_RATE_TREND",
                "REAPPLY");
        assertEmphasis(page, "FAILURE", "필기 불합격", "rgba(179, 38, 30, 1)");
        List<WebElement> failed = section(page, "SCORE_BREAKDOWN").findElements(By.cssSelector("tr.fail-row"));
        assertEquals(1, failed.size(), "one subject under 40");
        assertTrue(
                failed.get(0).getText().contains("데이터베이스구축")
                        && failed.get(0).getText().contains("과락"),
                failed.get(0).getText());
        assertFalse(
                section(page, "REAPPLY").findElements(By.cssSelector("img.qr")).isEmpty(), "re-registration QR code");
        assertQrCodesLoaded(page);
        screenshot("03-preview-written-fail-desktop", DESKTOP);
        screenshot("04-preview-written-fail-phone", PHONE);
    }

    @Test
    void thePracticalPassPresetShowsTheFinalPassStampAndTheCertificateButton() throws Exception {
        WebElement page = preview("PRACTICAL_PASS");
        assertSections(page, "RESULT_SUMMARY", "CERTIFICATE_ISSUE", "RELATED_QUALIFICATIONS", "JOBS");
        assertEmphasis(page, "SUCCESS", "실기 합격", "rgba(11, 110, 79, 1)");
        assertEquals(
                "최종합격",
                section(page, "RESULT_SUMMARY")
                        .findElement(By.cssSelector(".stamp"))
                        .getText());
        assertQrCodesLoaded(page);
        screenshot("05-preview-practical-pass-desktop", DESKTOP);
    }

    @Test
    void thePracticalFailPresetShowsWhatIsLeftOfTheExemption() throws Exception {
        WebElement page = preview("PRACTICAL_FAIL");
        assertSections(page, "RESULT_SUMMARY", "SCORE_BREAKDOWN", "PASS_CRITERIA", "WRITTEN_EXEMPTION", "REAPPLY");
        assertEmphasis(page, "FAILURE", "실기 불합격", "rgba(179, 38, 30, 1)");
        assertTrue(
                section(page, "WRITTEN_EXEMPTION").getText().contains("644일"),
                section(page, "WRITTEN_EXEMPTION").getText());
        assertQrCodesLoaded(page);
        screenshot("06-preview-practical-fail-phone", PHONE);
    }

    @Test
    void theAbsentAndInterviewPresetsRender() throws Exception {
        WebElement absent = preview("WRITTEN_ABSENT");
        assertSections(absent, "RESULT_SUMMARY", "REAPPLY", "NEXT_EXAM_SCHEDULE");
        assertEquals("WARNING", section(absent, "RESULT_SUMMARY").getAttribute("data-tone"));
        assertTrue(absent.findElements(By.cssSelector("[data-section-id='SCORE_BREAKDOWN']"))
                .isEmpty());
        assertQrCodesLoaded(absent);
        WebElement interview = preview("INTERVIEW_PASS");
        assertEquals("INTERVIEW_PASS", interview.getAttribute("data-outcome"));
        assertEquals(
                "최종합격",
                section(interview, "RESULT_SUMMARY")
                        .findElement(By.cssSelector(".stamp"))
                        .getText());
        screenshot("07-preview-interview-pass-desktop", DESKTOP);
    }

    @Test
    void theFourVersionsOfThe2024ReportAreShownSideBySide() throws Exception {
        driver.findElement(By.id("compare-four")).click();
        wait(QUICK)
                .until(d -> d.findElements(By.cssSelector("#compare-grid .qnet-page"))
                                .size()
                        == 4);
        List<WebElement> pages = driver.findElements(By.cssSelector("#compare-grid .qnet-page"));
        assertEquals(
                List.of("WRITTEN_PASS", "WRITTEN_FAIL", "PRACTICAL_PASS", "PRACTICAL_FAIL"),
                pages.stream().map(p -> p.getAttribute("data-outcome")).toList());
        int top = pages.get(0).getRect().getY();
        for (WebElement p : pages) {
            assertEquals(top, p.getRect().getY(), "side by side on a wide screen");
        }
        for (WebElement p : pages) {
            assertQrCodesLoaded(p);
        }
        screenshot("08-four-versions-side-by-side-desktop", DESKTOP);
    }

    @Test
    void aPreviewCanBeMadeWithTheKeyboardAlone() {
        driver.navigate().refresh();
        wait(QUICK).until(d -> !d.findElement(By.id("token-status")).getText().isEmpty());
        WebElement preset = tabTo(By.cssSelector("[data-preset='PRACTICAL_PASS']"));
        assertEquals("solid", preset.getCssValue("outline-style"), "keyboard focus is visible");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        WebElement button = tabTo(By.id("preview-button"));
        assertEquals("solid", button.getCssValue("outline-style"), "keyboard focus is visible");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        WebElement page = wait(QUICK)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#preview-result .qnet-page[data-outcome='PRACTICAL_PASS']")));
        assertEquals("실기 합격", driver.switchTo().activeElement().getText(), "focus moves to the previewed page");
        assertFalse(page.findElements(By.cssSelector(".stamp")).isEmpty());
        // the tabs follow the ARIA pattern: arrow keys move between them
        driver.findElement(By.id("tab-preview")).sendKeys(Keys.ARROW_RIGHT);
        assertEquals("tab-rules", driver.switchTo().activeElement().getAttribute("id"));
        assertTrue(driver.findElement(By.id("panel-rules")).isDisplayed());
        assertFalse(driver.findElement(By.id("panel-preview")).isDisplayed());
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertTrue(driver.findElement(By.id("panel-preview")).isDisplayed());
    }

    // ---- saving a previewed page as a scenario ----------------------------------------------

    @Test
    void aPreviewedPageWithATickedSectionAndValueIsSavedAsAKoreanScenarioThatPassesTheActiveRules() throws Exception {
        WebElement page = preview("WRITTEN_PASS");
        WebElement card = driver.findElement(By.id("scenario-card"));
        assertTrue(card.isDisplayed(), "the save card comes with the preview");
        section(page, "RESULT_SUMMARY")
                .findElement(By.cssSelector("input.pick-section"))
                .click();
        WebElement documents = section(page, "ELIGIBILITY_DOCUMENTS");
        documents.findElement(By.cssSelector(".scenario-picks summary")).click();
        documents
                .findElement(By.cssSelector("input.pick-value[data-field='deadline']"))
                .click();
        WebElement name = driver.findElement(By.id("scenario-name"));
        assertEquals("정보처리기사 필기 합격 화면", name.getAttribute("value"), "a name is suggested");
        name.clear();
        name.sendKeys("브라우저 시험: 필기 합격과 서류 마감일");
        useToken(LiveServer.AUTHOR_TOKEN);
        driver.findElement(By.id("scenario-save")).click();
        WebElement text = wait(SLOW).until(ExpectedConditions.visibilityOfElementLocated(By.id("scenario-text")));
        String feature = text.getText();
        for (String line : List.of(
                "시나리오: 브라우저 시험: 필기 합격과 서류 마감일",
                "조건 \"정보처리기사\"(1320, 기사) 응시자가 있다",
                "만일 \"필기\" 시험 결과 \"합격\", 총점 71.4점을 받는다",
                "그러면 결과는 \"WRITTEN_PASS\"이다",
                "그리고 \"RESULT_SUMMARY\" 섹션이 보인다",
                "그리고 \"ELIGIBILITY_DOCUMENTS\" 섹션의 자료는 다음과 같다:",
                "| deadline | 2026-03-20 |")) {
            assertTrue(feature.lines().anyMatch(l -> l.strip().equals(line)), "missing '" + line + "' in:\n" + feature);
        }
        assertFalse(feature.contains("PASS_RATE_TREND"), "only what was ticked is expected");
        assertTrue(
                driver.findElement(By.id("scenario-status")).getText().contains("통과"),
                driver.findElement(By.id("scenario-status")).getText());
        assertEquals(
                "rules/시나리오/브라우저_시험_필기_합격과_서류_마감일.feature",
                driver.findElement(By.cssSelector("#scenario-result .scenario-path"))
                        .getText());
        assertTrue(driver.findElement(By.id("scenario-publish")).isDisplayed(), "it can be published from here");
        screenshot("17-scenario-saved-desktop", DESKTOP);
        screenshot("18-scenario-saved-phone", PHONE);
    }

    // ---- impact: before and after ---------------------------------------------------------------

    @Test
    void anImpactExampleOpensTheCandidatesWholePageBeforeAndAfterSideBySideWithTheChangedBodyMarked() throws Exception {
        driver.findElement(By.id("tab-rules")).click();
        useToken(LiveServer.AUTHOR_TOKEN);
        Path messages = Files.createDirectories(tmp.resolve("text-edit")).resolve("messages.yaml");
        Files.write(
                messages,
                ShippedRules.textWith(
                        "messages.yaml", "이제 {nextStageName}시험을 준비하세요.", "이제 {nextStageName}시험을 차근차근 준비하세요."));
        upload(messages);
        WebElement size = driver.findElement(By.id("impact-size"));
        size.clear();
        size.sendKeys("300");
        driver.findElement(By.id("impact-button")).click();
        wait(SLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "영향 분석 완료"));

        driver.findElement(By.cssSelector("#rules-result button.impact-example-open[data-section='RESULT_SUMMARY']"))
                .click();
        List<WebElement> pages = wait(QUICK).until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("#impact-example .impact-pair .qnet-page"));
            return shown.size() == 2 ? shown : null;
        });
        assertTrue(pages.get(0).getAttribute("class").contains("impact-before"));
        assertTrue(pages.get(1).getAttribute("class").contains("impact-after"));
        assertEquals(pages.get(0).getRect().getY(), pages.get(1).getRect().getY(), "side by side on a wide screen");
        for (WebElement page : pages) {
            assertEquals("WRITTEN_PASS", page.getAttribute("data-outcome"));
            assertSections(page, "RESULT_SUMMARY", "WRITTEN_EXEMPTION", "SCORE_BREAKDOWN");
            List<WebElement> marked = page.findElements(By.cssSelector(".changed-part"));
            assertEquals(1, marked.size(), "only the edited body is marked");
            assertTrue(marked.get(0).getAttribute("class").contains("section-body"));
            assertEquals(
                    "RESULT_SUMMARY",
                    marked.get(0)
                            .findElement(By.xpath("./ancestor::section[@data-section-id]"))
                            .getAttribute("data-section-id"));
            assertEquals("rgba(255, 243, 196, 1)", marked.get(0).getCssValue("background-color"), "highlighted");
        }
        String before =
                pages.get(0).findElement(By.cssSelector(".changed-part")).getText();
        String after = pages.get(1).findElement(By.cssSelector(".changed-part")).getText();
        assertTrue(before.contains("시험을 준비하세요") && !before.contains("차근차근"), before);
        assertTrue(after.contains("시험을 차근차근 준비하세요"), after);
        String differences = driver.findElement(By.cssSelector("#impact-example table.impact-differences"))
                .getText();
        assertTrue(differences.contains("본문") && differences.contains("차근차근"), differences);
        screenshot("09-rules-impact-before-after-desktop", DESKTOP);
    }

    @Test
    void aKeptCohortIsUploadedAnalysedInTheBackgroundWithProgressAndDeleted() throws Exception {
        driver.findElement(By.id("tab-rules")).click();
        useToken(LiveServer.AUTHOR_TOKEN);
        Path cohort = tmp.resolve("spring-2026.ndjson");
        kr.qfeedback.cohort.CohortGenerator.write(
                kr.qfeedback.reference.ReferenceCatalogue.load(Path.of("rules", "reference")),
                kr.qfeedback.rules.ShippedParameters.get(),
                3,
                400,
                cohort);
        driver.findElement(By.cssSelector("#cohorts summary")).click();
        driver.findElement(By.id("cohort-file"))
                .sendKeys(cohort.toAbsolutePath().toString());
        driver.findElement(By.id("cohort-upload")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("cohorts-status"), "보관 완료"));
        assertTrue(driver.findElement(By.id("cohorts-status")).getText().contains("400줄"));
        assertEquals("spring-2026", driver.findElement(By.id("impact-cohort")).getAttribute("value"));
        assertTrue(driver.findElement(By.cssSelector("#cohorts-result table.cohorts"))
                .getText()
                .contains("spring-2026"));

        Path messages = Files.createDirectories(tmp.resolve("cohort-edit")).resolve("messages.yaml");
        Files.write(
                messages,
                ShippedRules.textWith(
                        "messages.yaml", "이제 {nextStageName}시험을 준비하세요.", "이제 {nextStageName}시험을 차근차근 준비하세요."));
        upload(messages);
        driver.findElement(By.id("impact-button")).click();
        wait(SLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "영향 분석 완료"));
        WebElement progress = driver.findElement(By.id("impact-progress"));
        assertEquals("400", progress.getAttribute("max"));
        assertEquals("400", progress.getAttribute("value"));
        assertTrue(driver.findElement(By.id("impact-progress-text")).getText().contains("완료"));
        assertFalse(driver.findElement(By.id("impact-cancel")).isDisplayed(), "nothing left to cancel");
        assertTrue(driver.findElement(By.id("rules-result")).getText().contains("비교한 응시자"));
        assertFalse(driver.findElements(By.cssSelector("#rules-result button.impact-example-open"))
                .isEmpty());
        screenshot("09b-rules-impact-kept-cohort-desktop", DESKTOP);

        driver.findElement(By.cssSelector("#cohorts-result button.cohort-delete[data-name='spring-2026']"))
                .click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("cohorts-status"), "지웠습니다"));
        assertEquals(
                List.of(""),
                driver.findElements(By.cssSelector("#impact-cohort option")).stream()
                        .map(o -> o.getAttribute("value"))
                        .toList());
    }

    // ---- rules workflow ---------------------------------------------------------------------

    /**
     * One author's session, step by step on a server of its own (it publishes and rolls back):
     * each step needs the page and the versions the step before left.
     */
    @Test
    void aBrokenUploadIsFixedValidatedPublishedRefusedToTheDecideTokenAndRolledBackWithAnAuditTrail() throws Exception {
        try (LiveServer own =
                LiveServer.withLifecycle().mounting(ConsoleRoutes::mount).start()) {
            driver.get(own.url("/console/"));
            aBrokenCellIsReportedByFileSheetRowAndColumn();
            aFixedFileValidatesWithItsCoverageReportAndImpact();
            publishingMakesANewActiveVersionInTheHistory();
            theDecideTokenCannotPublishOrRollBack();
            rollingBackReactivatesTheEarlierVersionAndTheAuditTrailRecordsIt();
        }
    }

    private void aBrokenCellIsReportedByFileSheetRowAndColumn() throws Exception {
        driver.findElement(By.id("tab-rules")).click();
        useToken(LiveServer.AUTHOR_TOKEN);
        driver.findElement(By.id("history-button")).click();
        startupVersion = wait(QUICK).until(d -> {
            List<WebElement> v = d.findElements(By.cssSelector("#history-result .active-version"));
            return v.isEmpty() ? null : v.get(0).getText();
        });
        Path broken = editedTable("broken", sheet -> cell(sheet, "V10").setCellValue("첫째"));
        upload(broken);
        driver.findElement(By.id("validate-button")).click();
        WebElement table = wait(SLOW)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rules-result table.problems")));
        List<String> cells =
                table.findElements(By.cssSelector("tbody tr:first-child th, tbody tr:first-child td")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertTrue(cells.get(0).endsWith("sections.drl.xlsx"), "file: " + cells);
        assertEquals("섹션표시", cells.get(1), "sheet: " + cells);
        assertEquals("10", cells.get(2), "row: " + cells);
        assertEquals("V", cells.get(3), "column: " + cells);
        assertFalse(cells.get(4).isBlank(), "what is wrong: " + cells);
        assertTrue(driver.findElement(By.id("rules-status")).getText().contains("검증 실패"));
        screenshot("10-rules-validation-errors-desktop", DESKTOP);
        screenshot("11-rules-validation-errors-phone", PHONE);
    }

    private void aFixedFileValidatesWithItsCoverageReportAndImpact() throws Exception {
        upload(fixedTable());
        driver.findElement(By.id("validate-button")).click();
        wait(SLOW).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rules-result .verdict-ok")));
        WebElement coverage = driver.findElement(By.cssSelector("#rules-result .coverage"));
        assertTrue(coverage.getText().contains("빈틈") && coverage.getText().contains("충돌"), coverage.getText());
        assertTrue(coverage.getText().contains("게시를 막는 문제는 없습니다"), coverage.getText());
        WebElement size = driver.findElement(By.id("impact-size"));
        size.clear();
        size.sendKeys("300");
        driver.findElement(By.id("impact-button")).click();
        wait(SLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "영향 분석 완료"));
        assertTrue(driver.findElement(By.id("rules-result")).getText().contains("가상 응시자"));
        screenshot("12-rules-impact-desktop", DESKTOP);
    }

    private void publishingMakesANewActiveVersionInTheHistory() throws Exception {
        driver.findElement(By.id("publish-note")).sendKeys("브라우저 시험: 필기 합격 행 설명 수정");
        driver.findElement(By.id("publish-button")).click();
        wait(SLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "게시 완료"));
        wait(QUICK).until(d -> {
            List<WebElement> v = d.findElements(By.cssSelector("#history-result .active-version"));
            return !v.isEmpty() && !v.get(0).getText().equals(startupVersion);
        });
        publishedVersion = driver.findElement(By.cssSelector("#history-result .active-version"))
                .getText();
        assertTrue(driver.findElement(By.id("rules-status")).getText().contains(publishedVersion));
        List<WebElement> rows = driver.findElements(By.cssSelector("#history-result table.history tbody tr"));
        assertEquals(2, rows.size(), "the start-up version and the published one");
        assertTrue(
                rows.get(0).getText().contains("브라우저 시험"),
                "the note is kept: " + rows.get(0).getText());
        screenshot("13-rules-published-desktop", DESKTOP);
    }

    private void theDecideTokenCannotPublishOrRollBack() throws Exception {
        useToken(LiveServer.DECIDE_TOKEN);
        driver.findElement(By.id("publish-button")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "권한이 없습니다"));
        String message = driver.findElement(By.id("rules-status")).getText();
        assertTrue(message.contains("규칙 작성(author)"), message);
        driver.findElement(By.id("history-button")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-status"), "이력을 불러왔습니다"));
        driver.findElement(By.cssSelector("#history-result button.rollback")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-status"), "권한이 없습니다"));
        screenshot("14-rules-decide-token-refused-desktop", DESKTOP);
        driver.findElement(By.id("history-button")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-status"), "이력을 불러왔습니다"));
        assertEquals(
                publishedVersion,
                driver.findElement(By.cssSelector("#history-result .active-version"))
                        .getText(),
                "nothing changed");
    }

    private void rollingBackReactivatesTheEarlierVersionAndTheAuditTrailRecordsIt() throws Exception {
        useToken(LiveServer.AUTHOR_TOKEN);
        driver.findElement(By.id("history-button")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-status"), "이력을 불러왔습니다"));
        WebElement rollback = driver.findElement(
                By.cssSelector("#history-result button.rollback[data-version='" + startupVersion + "']"));
        rollback.click();
        wait(SLOW).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-status"), "되돌렸습니다"));
        assertEquals(
                startupVersion,
                driver.findElement(By.cssSelector("#history-result .active-version"))
                        .getText());
        assertNotEquals(startupVersion, publishedVersion);

        driver.findElement(By.id("audit-button")).click();
        WebElement audit = wait(QUICK)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit-result table.audit")));
        String text = audit.getText();
        assertTrue(text.contains("시작") && text.contains("게시") && text.contains("되돌리기"), text);
        assertTrue(text.contains("sections.drl.xlsx"), "the publish lists the changed file: " + text);
        driver.findElement(By.id("verify-button")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-status"), "무결성 확인"));
        screenshot("15-rules-rolled-back-audit-desktop", DESKTOP);
        screenshot("16-rules-rolled-back-audit-phone", PHONE);
    }

    // ---- helpers ----------------------------------------------------------------------------

    static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    static void useToken(String token) {
        WebElement input = driver.findElement(By.id("token"));
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.cssSelector("#token-form button[type='submit']")).click();
        wait(QUICK).until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-status"), "보관 중"));
        assertEquals(
                token, ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('qfConsoleToken')"));
        assertEquals(
                0L,
                ((JavascriptExecutor) driver).executeScript("return localStorage.length"),
                "nothing in localStorage");
        assertEquals("", ((JavascriptExecutor) driver).executeScript("return document.cookie"), "no cookies");
    }

    static WebElement preview(String preset) {
        if (!driver.findElement(By.id("panel-preview")).isDisplayed()) {
            driver.findElement(By.id("tab-preview")).click();
        }
        driver.findElement(By.cssSelector("[data-preset='" + preset + "']")).click();
        driver.findElement(By.id("preview-button")).click();
        return wait(QUICK)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#preview-result .qnet-page[data-outcome='" + preset + "']")));
    }

    static WebElement section(WebElement page, String id) {
        return page.findElement(By.cssSelector("[data-section-id='" + id + "']"));
    }

    static void assertSections(WebElement page, String... ids) {
        List<String> shown = page.findElements(By.cssSelector("[data-section-id]")).stream()
                .map(e -> e.getAttribute("data-section-id"))
                .toList();
        for (String id : ids) {
            assertTrue(shown.contains(id), id + " missing from " + shown);
            WebElement heading = section(page, id).findElement(By.cssSelector(".section-title"));
            assertFalse(heading.getText().isBlank(), id + " has a Korean heading");
        }
        assertEquals("RESULT_SUMMARY", shown.get(0), "the result comes first");
    }

    /** Pass or fail emphasised by colour and weight: the big result word and the section tone. */
    static void assertEmphasis(WebElement page, String tone, String word, String colour) {
        WebElement summary = section(page, "RESULT_SUMMARY");
        assertEquals(tone, summary.getAttribute("data-tone"));
        WebElement big = summary.findElement(By.cssSelector(".result-word"));
        assertEquals(word, big.getText());
        assertEquals(colour, big.getCssValue("color"));
        assertTrue(Integer.parseInt(big.getCssValue("font-weight")) >= 800, "bold: " + big.getCssValue("font-weight"));
        double size = Double.parseDouble(big.getCssValue("font-size").replace("px", ""));
        assertTrue(size >= 28, "big: " + size);
    }

    static void assertQrCodesLoaded(WebElement page) {
        List<WebElement> images = page.findElements(By.cssSelector("img.qr"));
        assertFalse(images.isEmpty(), "the page has QR codes");
        wait(QUICK)
                .until(d -> images.stream()
                        .allMatch(i -> "true".equals(i.getAttribute("data-loaded"))
                                && Boolean.TRUE.equals(((JavascriptExecutor) d)
                                        .executeScript(
                                                "return arguments[0].complete && arguments[0].naturalWidth > 0", i))));
    }

    /** Presses Tab from the top of the page until {@code target} has the focus; fails after 150 presses. */
    static WebElement tabTo(By target) {
        WebElement wanted = driver.findElement(target);
        ((JavascriptExecutor) driver)
                .executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        for (int i = 0; i < 150; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (driver.switchTo().activeElement().equals(wanted)) {
                return wanted;
            }
        }
        throw new AssertionError("Tab never reached " + target);
    }

    static void upload(Path file) {
        WebElement input = driver.findElement(By.id("rule-files"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = ''", input);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    static Path editedTable(String name, Consumer<Sheet> edit) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path file = dir.resolve("sections.drl.xlsx");
        Files.copy(ShippedRules.FOLDER.resolve("sections.drl.xlsx"), file);
        Workbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = WorkbookFactory.create(in);
        }
        try (Workbook w = workbook;
                OutputStream out = Files.newOutputStream(file)) {
            edit.accept(w.getSheet("섹션표시"));
            w.write(out);
        }
        return file;
    }

    /** A valid edit: the description of the written-pass summary row (it names the rule in the trace). */
    static Path fixedTable() throws Exception {
        return editedTable("fixed", sheet -> cell(sheet, "B10").setCellValue("필기 합격: 합격 결과를 맨 위에 크게 강조"));
    }

    static Cell cell(Sheet sheet, String ref) {
        org.apache.poi.ss.util.CellReference r = new org.apache.poi.ss.util.CellReference(ref);
        Row row = sheet.getRow(r.getRow());
        Cell cell = row.getCell(r.getCol());
        return cell == null ? row.createCell(r.getCol()) : cell;
    }

    /** A full-page screenshot at {@code width} CSS pixels, then back to the desktop window. */
    static void screenshot(String name, int width) throws Exception {
        WebDriver.Window window = driver.manage().window();
        window.setSize(new Dimension(width, 900));
        Thread.sleep(300);
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        long height =
                (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        window.setSize(new Dimension(width, (int) Math.min(Math.max(height, 900), 12_000)));
        Thread.sleep(300);
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        window.setSize(new Dimension(DESKTOP, 1000));
    }
}
