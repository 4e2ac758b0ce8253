package kr.qfeedback.http;

import static kr.qfeedback.testing.ExampleRequests.example;
import static kr.qfeedback.testing.LiveServer.DECIDE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scrape of a running server shows Micrometer's standard meters (JVM memory, GC pauses, threads,
 * CPU, uptime), the event loops' delay and an HTTP histogram by route template and status, and still
 * every series the hand-written metrics had, under the same names.
 */
class StandardMetricsHttpTest {
    /** Every series name the service showed before Micrometer (the cluster's: ClusterMetricsTest). */
    static final List<String> SERVICE_SERIES = List.of(
            "qf_ready",
            "qf_rules_version_info",
            "qf_http_responses_total",
            "qf_decisions_total",
            "qf_decision_seconds_bucket",
            "qf_decision_seconds_sum",
            "qf_decision_seconds_count");

    @RegisterExtension
    static final LiveServer server = LiveServer.withShippedRules().instances(2);

    @Test
    void theScrapeShowsTheJvmAndEveryOldSeriesName() throws InterruptedException {
        LiveServer.decision(server.postFeedback(example().encode()));
        // GC pauses are timed from the notifications of collections after the server started.
        System.gc();
        String text = scrape();
        for (int i = 0; i < 100 && !hasSeries(text, "jvm_gc_pause_seconds_count"); i++) {
            Thread.sleep(50);
            text = scrape();
        }

        for (String name : SERVICE_SERIES) {
            assertTrue(hasSeries(text, name), "missing " + name + "\n" + text);
        }
        for (String name : List.of(
                "jvm_memory_used_bytes",
                "jvm_gc_pause_seconds_count",
                "jvm_threads_live_threads",
                "process_cpu_usage",
                "process_uptime_seconds")) {
            assertTrue(hasSeries(text, name), "missing " + name + "\n" + text);
        }
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\""), text);
    }

    @Test
    void eachEventLoopServingHttpReportsHowLateItsTimersFire() throws InterruptedException {
        // Each loop samples every 100 ms; wait (bounded) for the first samples of both.
        String text = scrape();
        for (int i = 0; i < 100 && loops(text) < 2; i++) {
            Thread.sleep(50);
            text = scrape();
        }
        assertEquals(2, loops(text), "two server instances, two event loops sampled\n" + text);
        assertTrue(hasSeries(text, "qf_event_loop_delay_seconds_bucket"), text);
        assertTrue(hasSeries(text, "qf_event_loop_delay_seconds_max"), text);
    }

    @Test
    void anAnswerIsTimedUnderItsRouteTemplateAndStatusNeverItsRawPath() {
        String decided = "http_server_requests_seconds_count\\{route=\"/v1/feedback\",status=\"200\"}";
        String unknown = "http_server_requests_seconds_count\\{route=\"/v1/decisions/:decisionId\",status=\"404\"}";
        String fast = "http_server_requests_seconds_bucket\\{route=\"/v1/feedback\",status=\"200\",le=\"30.0\"}";
        String text = scrape();
        long decidedBefore = value(text, decided);
        long unknownBefore = value(text, unknown);
        long fastBefore = value(text, fast);

        LiveServer.decision(server.postFeedback(example().encode()));
        server.get("/v1/decisions/no-such-decision", LiveServer.AUTHOR_TOKEN);

        String after = scrape();
        assertEquals(decidedBefore + 1, value(after, decided), after);
        assertEquals(fastBefore + 1, value(after, fast), "the histogram's buckets count it too\n" + after);
        assertEquals(unknownBefore + 1, value(after, unknown), after);
        assertTrue(!after.contains("no-such-decision"), "the raw path is never a label\n" + after);
        assertEquals(
                value(after, decided),
                value(after, "qf_http_responses_total\\{route=\"/v1/feedback\",status=\"200\"}"),
                "qf_http_responses_total counts the same answers as the histogram");
    }

    private static String scrape() {
        HttpResponse<String> response = server.get("/metrics", DECIDE_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    static boolean hasSeries(String text, String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]")
                .matcher(text)
                .find();
    }

    private static long loops(String text) {
        return text.lines()
                .filter(line -> line.startsWith("qf_event_loop_delay_seconds_count{loop="))
                .count();
    }

    private static long value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
