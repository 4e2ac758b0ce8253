package kr.qfeedback.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through chromedriver for the console's browser tests: Korean
 * locale, a desktop-wide window, a fresh profile under {@code tmp}, none of Chromium's background
 * connections (the machine's network is closed). Skips the calling test class when either is missing.
 */
final class HeadlessChromium {
    private HeadlessChromium() {}

    static ChromeDriver start(Path tmp, Duration scriptTimeout) throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(ConsoleBrowserTest.CHROMIUM) && Files.isExecutable(ConsoleBrowserTest.CHROMEDRIVER),
                "Skipping the console browser tests: they need Debian's chromium and chromium-driver ("
                        + ConsoleBrowserTest.CHROMIUM + ", " + ConsoleBrowserTest.CHROMEDRIVER
                        + "); install them with 'apt-get install -y chromium chromium-driver' (.ci/run does).");
        Files.createDirectories(ConsoleBrowserTest.SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ConsoleBrowserTest.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")),
                "--window-size=" + ConsoleBrowserTest.DESKTOP + ",1000",
                "--lang=ko-KR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ko-KR,ko"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ConsoleBrowserTest.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(tmp.resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(scriptTimeout);
        return driver;
    }
}
