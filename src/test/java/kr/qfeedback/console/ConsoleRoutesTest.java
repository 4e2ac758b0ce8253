package kr.qfeedback.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's HTTP side without a browser: pages, security headers, the QR endpoint and the qualification lookup. */
class ConsoleRoutesTest {
    @RegisterExtension
    static final LiveServer server = LiveServer.withShippedRules().mounting(ConsoleRoutes::mount);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static void assertSecurityHeaders(HttpResponse<?> r) {
        assertEquals(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
                header(r, "Content-Security-Policy"),
                "CSP of " + r.uri());
        assertEquals("DENY", header(r, "X-Frame-Options"), "X-Frame-Options of " + r.uri());
        assertEquals("nosniff", header(r, "X-Content-Type-Options"), "X-Content-Type-Options of " + r.uri());
        assertEquals("no-referrer", header(r, "Referrer-Policy"), "Referrer-Policy of " + r.uri());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- pages ------------------------------------------------------------------------------

    @Test
    void consoleWithoutTheSlashRedirectsToTheConsole() throws Exception {
        HttpResponse<String> r = get("/console", null);
        assertEquals(301, r.statusCode());
        assertEquals("/console/", header(r, "Location"));
        assertSecurityHeaders(r);
    }

    @Test
    void theConsolePageIsKoreanHtmlWithStrictSecurityHeadersAndNeedsNoToken() throws Exception {
        HttpResponse<String> r = get("/console/", null);
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith("text/html"), header(r, "Content-Type"));
        assertSecurityHeaders(r);
        assertTrue(r.body().contains("<html lang=\"ko\">"), "Korean page");
        assertTrue(r.body().contains("Q-피드백 직원 콘솔"));
        assertTrue(r.body().contains("<meta name=\"viewport\""), "readable on a phone");
    }

    @Test
    void scriptsAndStylesAreServedByTheServiceWithTheirTypes() throws Exception {
        HttpResponse<String> js = get("/console/console.js", null);
        assertEquals(200, js.statusCode());
        assertTrue(header(js, "Content-Type").contains("javascript"), header(js, "Content-Type"));
        assertSecurityHeaders(js);
        HttpResponse<String> css = get("/console/console.css", null);
        assertEquals(200, css.statusCode());
        assertTrue(header(css, "Content-Type").startsWith("text/css"), header(css, "Content-Type"));
    }

    @Test
    void thePagesLoadNothingFromOtherHostsAndKeepTheTokenOutOfLocalStorageAndCookies() throws Exception {
        String html = get("/console/", null).body();
        String js = get("/console/console.js", null).body();
        String css = get("/console/console.css", null).body();
        for (String attribute : new String[] {"src=\"http", "href=\"http", "src=\"//", "href=\"//"}) {
            assertFalse(html.contains(attribute), "index.html must not load from another host: " + attribute);
        }
        assertFalse(css.contains("url("), "the stylesheet loads no fonts or images");
        assertFalse(css.contains("@import"), "the stylesheet imports nothing");
        assertFalse(js.contains("localStorage"), "the token is kept in sessionStorage only");
        assertFalse(js.contains("document.cookie"), "the token is never put in a cookie");
        assertTrue(js.contains("sessionStorage"));
        assertFalse(js.contains("innerHTML"), "service text is never parsed as HTML");
    }

    @Test
    void aMissingConsoleFileIsAJson404WithTheSecurityHeaders() throws Exception {
        HttpResponse<String> r = get("/console/missing.js", null);
        assertEquals(404, r.statusCode());
        assertSecurityHeaders(r);
        assertEquals(
                "NOT_FOUND", new JsonObject(r.body()).getJsonObject("error").getString("code"));
    }

    @Test
    void nothingOutsideTheConsoleFolderIsServed() throws Exception {
        for (String path : new String[] {
            "/console/..%2f..%2fpom.xml", "/console/%2e%2e/openapi.yaml", "/console/../simplelogger.properties"
        }) {
            HttpResponse<String> r = get(path, null);
            assertNotEquals(200, r.statusCode(), path + " answered " + r.body());
        }
    }

    // ---- QR codes ---------------------------------------------------------------------------

    @Test
    void theQrCodeOfALinkIsAnSvgThatDecodesBackToTheLink() throws Exception {
        String url = "https://www.q-net.or.kr/rcv001.do?id=rcv00103&gSite=Q&gId=";
        HttpResponse<String> r = get("/console/qr.svg?text=" + enc(url), LiveServer.DECIDE_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(header(r, "Content-Type").startsWith("image/svg+xml"), header(r, "Content-Type"));
        assertSecurityHeaders(r);
        assertFalse(r.body().contains("<script"), "no script in the SVG");
        assertEquals(url, decode(r.body()));
    }

    @Test
    void theQrEndpointNeedsAToken() throws Exception {
        assertEquals(
                401,
                get("/console/qr.svg?text=" + enc("https://www.q-net.or.kr/"), null)
                        .statusCode());
        assertEquals(
                200,
                get("/console/qr.svg?text=" + enc("https://www.q-net.or.kr/"), LiveServer.AUTHOR_TOKEN)
                        .statusCode());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "javascript:alert(1)",
                "data:text/html,hi",
                "ftp://example.com/x",
                "/relative/path",
                "https://",
                "https://www.q-net.or.kr/a b"
            })
    void onlyAbsoluteHttpUrlsBecomeQrCodes(String text) throws Exception {
        HttpResponse<String> r = get("/console/qr.svg?text=" + enc(text), LiveServer.DECIDE_TOKEN);
        assertEquals(400, r.statusCode(), text + " → " + r.body());
        JsonObject error = new JsonObject(r.body()).getJsonObject("error");
        assertEquals("INVALID_REQUEST", error.getString("code"));
        assertEquals("text", error.getString("field"));
    }

    @Test
    void overlongTextIsRefused() throws Exception {
        String url = "https://www.q-net.or.kr/?q=" + "a".repeat(QrSvg.MAX_TEXT_LENGTH);
        assertEquals(
                400,
                get("/console/qr.svg?text=" + enc(url), LiveServer.DECIDE_TOKEN).statusCode());
        assertNotNull(QrSvg.rejection(url));
        assertNull(QrSvg.rejection("http://www.work24.go.kr/"));
    }

    /** Reads the SVG's one-unit modules back into pixels (4 per module) and decodes them with ZXing's reader. */
    static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find(), "viewBox");
        int modules = Integer.parseInt(box.group(1));
        int scale = 4;
        int size = modules * scale;
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        int runs = 0;
        while (run.find()) {
            runs++;
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            int len = Integer.parseInt(run.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                for (int x = x0 * scale; x < (x0 + len) * scale; x++) {
                    pixels[y * size + x] = 0xFF000000;
                }
            }
        }
        assertTrue(runs > 20, "the SVG draws the modules");
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    // ---- qualification lookup ---------------------------------------------------------------

    @Test
    void qualificationsAreFoundByPartOfTheirNameWithGradeAndSubjects() throws Exception {
        HttpResponse<String> r = get("/v1/reference/qualifications?q=" + enc("정보처리"), LiveServer.DECIDE_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = new JsonObject(r.body());
        JsonArray list = body.getJsonArray("qualifications");
        JsonObject first = list.getJsonObject(0);
        assertEquals("1320", first.getString("code"));
        assertEquals("정보처리기사", first.getString("name"));
        assertEquals("ENGINEER", first.getString("grade"));
        assertTrue(first.getJsonArray("writtenSubjects").contains("소프트웨어설계"));
        assertTrue(list.stream().map(o -> ((JsonObject) o).getString("code")).anyMatch("2290"::equals), "정보처리산업기사 too");
        assertEquals(list.size(), body.getInteger("total"));
    }

    @Test
    void qualificationsAreFoundByCodeAndAnEmptyQueryListsTheFirstOnes() throws Exception {
        JsonObject byCode = new JsonObject(get("/v1/reference/qualifications?q=0601", LiveServer.AUTHOR_TOKEN)
                .body());
        assertEquals(
                "정보관리기술사",
                byCode.getJsonArray("qualifications").getJsonObject(0).getString("name"));
        JsonObject all = new JsonObject(get("/v1/reference/qualifications?limit=5", LiveServer.DECIDE_TOKEN)
                .body());
        assertEquals(5, all.getJsonArray("qualifications").size());
        assertTrue(all.getInteger("total") > 400, "every qualification with a grade: " + all.getInteger("total"));
        for (Object o : all.getJsonArray("qualifications")) {
            assertNotNull(((JsonObject) o).getString("grade"), "only qualifications a request can name: " + o);
        }
    }

    @Test
    void theLookupNeedsATokenAndASensibleLimit() throws Exception {
        assertEquals(401, get("/v1/reference/qualifications?q=1320", null).statusCode());
        for (String limit : new String[] {"0", "51", "ten"}) {
            HttpResponse<String> r = get("/v1/reference/qualifications?limit=" + limit, LiveServer.DECIDE_TOKEN);
            assertEquals(400, r.statusCode(), limit);
            assertEquals(
                    "limit", new JsonObject(r.body()).getJsonObject("error").getString("field"));
        }
    }
}
