package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;

/**
 * QF_HTTP_IDLE_TIMEOUT, QF_HTTP_REQUEST_TIMEOUT and QF_HTTP_MAX_CONNECTIONS on a real server, spoken
 * to over raw sockets as a slow or greedy client would.
 */
class ConnectionLimitsHttpTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(60);
    /** How long a test waits for the server to act; far longer than the short timeouts it sets. */
    private static final int PATIENCE_MILLIS = 20_000;

    private static LiveServer server(HttpLimits limits) {
        return LiveServer.withShippedRules().httpLimits(limits).start();
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws IOException {
        try (LiveServer server = server(new HttpLimits(SHORT, LONG, 100));
                Socket socket = connect(server.port())) {
            assertClosedByServer(socket);
        }
    }

    @Test
    void aConnectionThatSendsHalfARequestHeadIsClosedAfterTheIdleTimeout() throws IOException {
        try (LiveServer server = server(new HttpLimits(SHORT, LONG, 100));
                Socket socket = connect(server.port())) {
            write(socket, "POST /v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl");
            assertClosedByServer(socket);
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedOnceItHasBeenIdleForTheTimeout() throws IOException {
        try (LiveServer server = server(new HttpLimits(SHORT, LONG, 100));
                Socket socket = connect(server.port())) {
            assertEquals(200, get(socket, "/health/live").status());
            assertEquals(200, get(socket, "/health/ready").status(), "kept alive between answers");
            assertClosedByServer(socket);
        }
    }

    @Test
    void aDecisionRequestWhoseBodyStopsArrivingIsAnswered503RequestTimeoutAndClosed() throws IOException {
        try (LiveServer server = server(new HttpLimits(LONG, SHORT, 100));
                Socket socket = connect(server.port())) {
            write(
                    socket,
                    "POST /v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + LiveServer.DECIDE_TOKEN
                            + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"candidateId\":");

            Answer answer = read(socket);

            assertEquals(503, answer.status(), answer::body);
            JsonObject error = new JsonObject(answer.body()).getJsonObject("error");
            assertEquals("REQUEST_TIMEOUT", error.getString("code"), answer::body);
            assertTrue(error.getString("message").contains("300 ms"), answer::body);
            assertTrue(answer.head().toLowerCase(Locale.ROOT).contains("connection: close"), answer::head);
            assertClosedByServer(socket);
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnceWhileTheOthersKeepBeingAnswered() throws IOException {
        try (LiveServer server = LiveServer.withShippedRules()
                        .instances(2)
                        .httpLimits(new HttpLimits(LONG, LONG, 2))
                        .start();
                Socket first = connect(server.port());
                Socket second = connect(server.port())) {
            assertEquals(200, get(first, "/health/live").status());
            assertEquals(200, get(second, "/health/live").status());

            try (Socket third = connect(server.port())) {
                assertClosedByServer(third);
            }

            assertEquals(200, get(first, "/health/ready").status(), "the connections within the cap still answer");
            assertEquals(200, get(second, "/health/ready").status());
            first.close();
            assertEquals(
                    200,
                    answeredOnAFreshConnection(server.port()),
                    "a closed connection frees its place under the cap");
        }
    }

    @Test
    void rulesWorkLongerThanTheIdleAndRequestTimeoutsIsAnsweredInFull() {
        try (LiveServer server = LiveServer.withLifecycle()
                .httpLimits(new HttpLimits(SHORT, SHORT, 100))
                .start()) {
            byte[] messages = ShippedRules.textWith("messages.yaml", "필기시험에 합격하셨습니다\"", "필기시험에 합격하셨습니다 (검증)\"");

            HttpResponse<String> response = server.validate(Part.file("messages.yaml", messages));

            assertEquals(200, response.statusCode(), response::body);
            assertEquals(true, new JsonObject(response.body()).getBoolean("valid"), response::body);
        }
    }

    // ---- a raw HTTP/1.1 client ----------------------------------------------------------------

    private record Answer(int status, String head, String body) {}

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(PATIENCE_MILLIS);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static Answer get(Socket socket, String path) throws IOException {
        write(socket, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        return read(socket);
    }

    /** Reads one answer with a Content-Length body, leaving the connection open. */
    private static Answer read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection before answering: " + head);
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Answer(
                Integer.parseInt(headText.substring(9, 12)), headText, new String(body, StandardCharsets.UTF_8));
    }

    /** The server closes the connection without an answer (end of stream, or a reset). */
    private static void assertClosedByServer(Socket socket) throws IOException {
        try {
            assertEquals(-1, socket.getInputStream().read(), "the server closed the connection without an answer");
        } catch (SocketException reset) {
            assertTrue(
                    String.valueOf(reset.getMessage()).contains("reset"),
                    () -> "expected a close or a reset, not " + reset);
        }
    }

    /**
     * The status of GET /health/live on a new connection, trying again while the server has not yet
     * seen a connection the test closed (the close reaches it asynchronously).
     */
    private static int answeredOnAFreshConnection(int port) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = connect(port)) {
                return get(socket, "/health/live").status();
            } catch (IOException closedAtOnce) {
                last = closedAtOnce;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw last;
    }
}
