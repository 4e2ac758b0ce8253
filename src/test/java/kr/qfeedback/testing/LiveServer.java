package kr.qfeedback.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.cluster.ClusterNode;
import kr.qfeedback.cluster.ClusterSecret;
import kr.qfeedback.cluster.ClusterSettings;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.http.FeedbackApi;
import kr.qfeedback.http.HttpLimits;
import kr.qfeedback.http.HttpService;
import kr.qfeedback.http.Listener;
import kr.qfeedback.http.RouteMount;
import kr.qfeedback.http.RulesApi;
import kr.qfeedback.http.ServiceMetrics;
import kr.qfeedback.http.TokenRegistry;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.PublishApproval;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real HTTP service on a port the OS picks (port 0, the bound port read back), called with
 * {@link HttpClient}; a JUnit 5 extension that starts it before a test class (or each test, see
 * {@link #perTest()}) and stops it after, when registered with {@code @RegisterExtension}.
 *
 * <p>A test class configures it: {@link #withShippedRules()}, {@link #withoutRules()},
 * {@link #withLifecycle()} (wired as {@code Main serve} wires it, over a copy of the shipped rules that
 * {@link #editingRules} may change first), {@link #withApi} (an API the test wired), then
 * {@link #tokens}, {@link #clock}, {@link #instances}, {@link #mounting}, {@link #withAdminPort()} and
 * {@link #publishApproval} and {@link #keepingRecords()}.
 * Tests that manage a server's lifetime themselves (stop and restart tests) call {@link #start()}
 * and {@link #close()}, typically with try-with-resources.
 */
public final class LiveServer
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {
    public static final String DECIDE_TOKEN = "decide-token-for-tests";
    public static final String AUTHOR_TOKEN = "author-token-for-tests";
    public static final String TOKENS = "decide:" + DECIDE_TOKEN + ",author:" + AUTHOR_TOKEN;
    /** The audit name QF_TOKENS gives the first author token. */
    public static final String AUTHOR_NAME = "author-1";
    /** The shipped acceptance scenarios, which a lifecycle server runs before it publishes. */
    public static final Path FEATURES = Path.of("features");

    private enum Rules {
        SHIPPED,
        NONE,
        LIFECYCLE,
        API
    }

    private static Path pristineData;

    // ---- configuration ------------------------------------------------------------------------
    private final Rules kind;
    private final FeedbackApi givenApi;
    private final Path givenRulesDir;
    private final Path givenDataDir;
    private Consumer<Path> ruleEdits = folder -> {};
    private String tokens = TOKENS;
    private Clock clock = Clock.systemUTC();
    private int instances = 1;
    private RouteMount mount;
    private boolean adminPort;
    private boolean perTest;
    private HttpLimits limits = HttpLimits.DEFAULTS;
    private PublishApproval publishApproval = PublishApproval.OFF;
    private boolean keepingRecords;

    // ---- while running --------------------------------------------------------------------------
    private Vertx vertx;
    private int port;
    private int admin;
    private FeedbackApi api;
    private ActiveRuleSet active;
    private ServiceMetrics metrics;
    private RulesLifecycle lifecycle;
    private Path rulesDir;
    private Path dataDir;
    private Path ownDir;
    private boolean startedForOneTest;
    private ClusterNode node;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private LiveServer(Rules kind, FeedbackApi givenApi, Path givenRulesDir, Path givenDataDir) {
        this.kind = kind;
        this.givenApi = givenApi;
        this.givenRulesDir = givenRulesDir;
        this.givenDataDir = givenDataDir;
    }

    /** The decision API with the shipped rules (compiled once per JVM) active. */
    public static LiveServer withShippedRules() {
        return new LiveServer(Rules.SHIPPED, null, null, null);
    }

    /** The decision API with no rules active yet; {@link #rules()} may activate some while it runs. */
    public static LiveServer withoutRules() {
        return new LiveServer(Rules.NONE, null, null, null);
    }

    /**
     * The service as {@code serve} wires it over a fresh copy of the shipped rules and a data folder
     * in which they went live at start-up (one STARTUP audit entry), both in a temporary folder
     * removed when the server stops.
     */
    public static LiveServer withLifecycle() {
        return new LiveServer(Rules.LIFECYCLE, null, null, null);
    }

    /** The service as {@code serve} wires it over folders the test owns (a restart test, say). */
    public static LiveServer withLifecycleOver(Path rulesDir, Path dataDir) {
        return new LiveServer(Rules.LIFECYCLE, null, rulesDir, dataDir);
    }

    /** An API the test wired itself; {@link #tokens}, {@link #clock} and {@link #mounting} do not apply. */
    public static LiveServer withApi(FeedbackApi api) {
        return new LiveServer(Rules.API, api, null, null);
    }

    /** Edits the copy of the shipped rules before a {@link #withLifecycle()} server starts over it. */
    public LiveServer editingRules(Consumer<Path> edit) {
        this.ruleEdits = edit;
        return this;
    }

    /** The QF_TOKENS value (default {@link #TOKENS}). */
    public LiveServer tokens(String tokens) {
        this.tokens = tokens;
        return this;
    }

    public LiveServer clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Event-loop instances sharing the port, as {@code serve} deploys one per core. */
    public LiveServer instances(int instances) {
        this.instances = instances;
        return this;
    }

    /** Mounts more routes (the console, say) on the API. */
    public LiveServer mounting(RouteMount mount) {
        this.mount = mount;
        return this;
    }

    /** A second listener as with QF_ADMIN_PORT: the admin paths answer only on {@link #adminPort()}. */
    public LiveServer withAdminPort() {
        this.adminPort = true;
        return this;
    }

    /** The listeners' timeouts and connection cap, as QF_HTTP_IDLE_TIMEOUT and the others set them. */
    public LiveServer httpLimits(HttpLimits limits) {
        this.limits = limits;
        return this;
    }

    /** QF_PUBLISH_APPROVAL for a {@link #withLifecycle()} server (default off: a publish goes live at once). */
    public LiveServer publishApproval(PublishApproval approval) {
        this.publishApproval = approval;
        return this;
    }

    /**
     * A lifecycle server that keeps its decisions' records as {@code serve} does, in a cluster of
     * one (a real Hazelcast member on a loopback port the OS picks), so that
     * {@code GET /v1/decisions/{id}} answers.
     */
    public LiveServer keepingRecords() {
        this.keepingRecords = true;
        return this;
    }

    /** As an extension, a fresh server for every test instead of one for the class. */
    public LiveServer perTest() {
        this.perTest = true;
        return this;
    }

    // ---- the extension ------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest) {
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (vertx == null) {
            start();
            startedForOneTest = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForOneTest) {
            startedForOneTest = false;
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    // ---- starting and stopping ------------------------------------------------------------------

    /**
     * Starts the server as configured and returns it. A lifecycle server first runs
     * {@link RulesLifecycle#start} over its rules folder, which throws
     * {@link kr.qfeedback.rules.RuleSetException} when they cannot go live.
     */
    public LiveServer start() {
        if (vertx != null) {
            throw new IllegalStateException("already running on port " + port);
        }
        try {
            api = api();
        } catch (RuntimeException e) {
            removeOwnDir();
            throw e;
        }
        Vertx v = Vertx.vertx();
        try {
            port = await(
                    HttpService.start(v, api, 0, instances, null, adminPort ? Listener.PUBLIC : Listener.ALL, limits));
            assertTrue(port > 0, "HttpService.start must report the real port it got for port 0, not " + port);
            admin = adminPort ? await(HttpService.start(v, api, 0, 1, null, Listener.ADMIN, limits)) : 0;
        } catch (RuntimeException | Error e) {
            await(v.close());
            removeOwnDir();
            throw new IllegalStateException("The HTTP service did not start", e);
        }
        vertx = v;
        return this;
    }

    private FeedbackApi api() {
        if (kind == Rules.API) {
            active = null;
            metrics = null;
            return givenApi;
        }
        metrics = new ServiceMetrics();
        TokenRegistry registry = TokenRegistry.parse(tokens);
        FeedbackApi built;
        if (kind == Rules.LIFECYCLE) {
            if (givenRulesDir == null) {
                ownDir = tempDir("qf-live-");
                rulesDir = ShippedRules.copyInto(ownDir.resolve("rules"));
                ruleEdits.accept(rulesDir);
                dataDir = seededDataDir(ownDir.resolve("data"));
            } else {
                rulesDir = givenRulesDir;
                dataDir = givenDataDir;
            }
            lifecycle = lifecycle(dataDir);
            RulesLifecycle starting = lifecycle;
            Supplier<RuleSet> start = () -> starting.start(
                    RuleFiles.read(rulesDir), kr.qfeedback.acceptance.AcceptanceGate.scenariosAvailable(FEATURES));
            if (keepingRecords) {
                node = ClusterNode.start(
                        new ClusterSettings(
                                List.of("127.0.0.1:0"),
                                0,
                                "127.0.0.1",
                                1,
                                ClusterSecret.fromEnvironment(
                                        (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""), true)),
                        lifecycle);
                joinWhenQuorate(node, start);
            } else {
                start.get();
            }
            active = lifecycle.active();
            RulesApi rulesApi = new RulesApi(
                            lifecycle,
                            (rules, size, seed) ->
                                    CohortGenerator.list(rules.reference(), rules.parameters(), seed, size),
                            dataDir.resolve("uploads"))
                    .publishApproval(publishApproval);
            built = node == null
                    ? new FeedbackApi(active, registry, metrics, clock, rulesApi)
                    : new FeedbackApi(active, registry, metrics, clock, rulesApi, node.decisions(), node);
        } else {
            active = kind == Rules.SHIPPED ? activeShippedRules() : new ActiveRuleSet();
            built = new FeedbackApi(active, registry, metrics, clock);
        }
        return mount == null ? built : built.mounting(mount);
    }

    /**
     * Joins the cluster of one; Hazelcast's own quorum check may count the member a moment after
     * the node's does (a race under load), so a refusal of its first write is retried for up to 60 s.
     */
    private static void joinWhenQuorate(ClusterNode node, Supplier<RuleSet> start) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                node.join(start);
                return;
            } catch (com.hazelcast.splitbrainprotection.SplitBrainProtectionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while joining the cluster of one", interrupted);
                }
            }
        }
    }

    /** Stops the server (and removes its own temporary folder); nothing happens when it is not running. */
    @Override
    public void close() {
        if (vertx == null) {
            return;
        }
        Vertx v = vertx;
        vertx = null;
        try {
            await(v.close());
        } finally {
            if (metrics != null) {
                metrics.close();
            }
            if (node != null) {
                node.close();
                node = null;
            }
            removeOwnDir();
        }
    }

    private void removeOwnDir() {
        if (ownDir != null) {
            deleteTree(ownDir);
            ownDir = null;
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the HTTP service", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The HTTP service did not answer within 60 s", e);
        }
    }

    // ---- what a running server offers --------------------------------------------------------------

    public int port() {
        requireRunning();
        return port;
    }

    /** The admin listener's port ({@link #withAdminPort()} only). */
    public int adminPort() {
        requireRunning();
        if (!adminPort) {
            throw new IllegalStateException("this server was not configured withAdminPort()");
        }
        return admin;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The rules the decision API answers with; activate another set to change them while it runs. */
    public ActiveRuleSet rules() {
        requireRunning();
        return active;
    }

    /** The metrics the API counts into (null for {@link #withApi}, whose metrics the test holds). */
    public ServiceMetrics metrics() {
        requireRunning();
        return metrics;
    }

    public RulesLifecycle lifecycle() {
        requireLifecycle();
        return lifecycle;
    }

    public Path rulesDir() {
        requireLifecycle();
        return rulesDir;
    }

    public Path dataDir() {
        requireLifecycle();
        return dataDir;
    }

    private void requireRunning() {
        if (vertx == null) {
            throw new IllegalStateException("the server is not running");
        }
    }

    private void requireLifecycle() {
        requireRunning();
        if (lifecycle == null) {
            throw new IllegalStateException("this server has no rules lifecycle: start it withLifecycle()");
        }
    }

    // ---- the shipped rules and seeded data folders -------------------------------------------------

    /** The shipped rules, compiled once per JVM. */
    public static RuleSet shippedRules() {
        return ShippedRules.compiled();
    }

    /** A fresh active rule set holding the shipped rules. */
    public static ActiveRuleSet activeShippedRules() {
        ActiveRuleSet rules = new ActiveRuleSet();
        rules.activate(shippedRules());
        return rules;
    }

    /**
     * Copies into {@code target} a data folder in which the shipped rules went live at start-up
     * (version stored and active, one STARTUP audit entry by {@code system}). The first call of a
     * JVM runs the full start-up checks, which take many seconds; later calls copy its result.
     */
    public static Path seededDataDir(Path target) {
        copyTree(pristineDataDir(), target);
        return target;
    }

    private static synchronized Path pristineDataDir() {
        if (pristineData == null) {
            Path dir = tempDir("qf-seed-");
            Path data = dir.resolve("data");
            lifecycle(data).start(RuleFiles.read(ShippedRules.FOLDER), true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "remove seed"));
            pristineData = data;
        }
        return pristineData;
    }

    /** A rules lifecycle over {@code dataDir} as {@code serve} builds it, not started. */
    public static RulesLifecycle newLifecycle(Path dataDir) {
        return lifecycle(dataDir);
    }

    private static RulesLifecycle lifecycle(Path dataDir) {
        return new RulesLifecycle(
                new ActiveRuleSet(),
                VersionStore.open(dataDir),
                AuditLog.open(dataDir),
                new AcceptanceGate(FEATURES),
                Clock.systemUTC());
    }

    // ---- requests ---------------------------------------------------------------------------

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest request) {
        return HttpCalls.send(client, request);
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = request(path).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    /** POST with the decide token and {@code Content-Type: application/json}. */
    public HttpResponse<String> postFeedback(String body) {
        return post("/v1/feedback", DECIDE_TOKEN, "application/json", body);
    }

    public HttpResponse<String> post(String path, String token, String contentType, String body) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    /** POST with a body of unknown length, so that it goes out chunked without Content-Length. */
    public HttpResponse<String> postChunked(String path, String token, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Supplier<InputStream> stream = () -> new ByteArrayInputStream(bytes);
        return send(request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(stream))
                .build());
    }

    /**
     * Sends {@code requestLine} and {@code body} over a plain socket with the decide token, for
     * requests java.net.http refuses to build (a malformed query string), and returns the status
     * and body of the answer.
     */
    public RawResponse raw(String requestLine, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + "\r\nHost: 127.0.0.1:" + port() + "\r\nAuthorization: Bearer " + DECIDE_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            return new RawResponse(status, answer.substring(answer.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status and body of an answer read off a plain socket. */
    public record RawResponse(int status, String body) {}

    // ---- the rules lifecycle over HTTP ------------------------------------------------------------

    /** One part of a multipart/form-data body: a file when {@code fileName} is given, else a form field. */
    public record Part(String name, String fileName, byte[] content) {
        public static Part file(String fileName, byte[] content) {
            return new Part("files", fileName, content);
        }

        public static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** POSTs {@code parts} as multipart/form-data with {@code token} (null = no Authorization header). */
    public HttpResponse<String> upload(String path, String token, Part... parts) {
        String boundary = "qf-" + UUID.randomUUID();
        byte[] body = multipart(boundary, List.of(parts));
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public HttpResponse<String> validate(Part... parts) {
        return upload("/v1/rules/validate", AUTHOR_TOKEN, parts);
    }

    public HttpResponse<String> publish(Part... parts) {
        return upload("/v1/rules/publish", AUTHOR_TOKEN, parts);
    }

    public HttpResponse<String> rollback(String body) {
        return post("/v1/rules/rollback", AUTHOR_TOKEN, "application/json", body);
    }

    public HttpResponse<String> rollbackTo(String version) {
        return rollback(new JsonObject().put("version", version).encode());
    }

    /** GET /v1/rules with the author token, parsed. */
    public JsonObject history() {
        HttpResponse<String> response = get("/v1/rules", AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    public String activeId() {
        return history().getJsonObject("active").getString("id");
    }

    /** GET /v1/rules/audit entries, oldest first. */
    public JsonArray auditEntries() {
        HttpResponse<String> response = get("/v1/rules/audit", AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        return json(response).getJsonArray("entries");
    }

    /** The example request (WRITTEN PASS of 정보처리기사) decided now, parsed. */
    public JsonObject decideExample() {
        return decision(postFeedback(ExampleRequests.EXAMPLE_REQUEST));
    }

    public static byte[] multipart(String boundary, List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(p.name())
                    .append('"');
            if (p.fileName() != null) {
                head.append("; filename=\"")
                        .append(p.fileName())
                        .append("\"\r\nContent-Type: application/octet-stream");
            }
            head.append("\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A zip of every file under {@code folder}, inside a top folder {@code top/} as "compress the folder" makes it. */
    public static byte[] zip(Path folder, String top) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                zip.putNextEntry(
                        new ZipEntry(top + "/" + folder.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---- assertions -------------------------------------------------------------------------

    /** Parses a JSON answer, checking its content type first. */
    public static JsonObject json(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(
                type.startsWith("application/json"),
                "expected a JSON answer, got Content-Type '" + type + "': " + response.body());
        return new JsonObject(response.body());
    }

    /** A 200 decision, parsed. */
    public static JsonObject decision(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> "expected a decision, got: " + response.body());
        return json(response);
    }

    /**
     * Checks an error answer: status, the {@code {"error":{"code","message"[,"field"]}}} shape and
     * nothing else, and the field at fault ({@code null} = no {@code field} key at all).
     */
    public static JsonObject assertError(HttpResponse<String> response, int status, String code, String field) {
        assertEquals(
                status, response.statusCode(), () -> "expected " + status + " " + code + ", got: " + response.body());
        JsonObject body = json(response);
        assertEquals(Set.of("error"), body.fieldNames(), () -> "an error body has only 'error': " + body);
        JsonObject error = body.getJsonObject("error");
        assertNotNull(error, "'error' must be an object: " + body);
        assertTrue(
                Set.of("code", "message", "field").containsAll(error.fieldNames()),
                () -> "unexpected keys in " + error);
        assertEquals(code, error.getString("code"), () -> "code of " + error);
        String message = error.getString("message");
        assertNotNull(message, "every error has a message: " + error);
        assertFalse(message.isBlank(), "every error has a message: " + error);
        if (field == null) {
            assertFalse(error.containsKey("field"), () -> "no single field is at fault here, yet: " + error);
        } else {
            assertEquals(field, error.getString("field"), () -> "field of " + error);
        }
        return error;
    }

    public static JsonArray sections(JsonObject decision) {
        return decision.getJsonArray("sections");
    }

    public static JsonObject section(JsonObject decision, String id) {
        for (Object o : sections(decision)) {
            JsonObject s = (JsonObject) o;
            if (id.equals(s.getString("id"))) {
                return s;
            }
        }
        return null;
    }

    // ---- files ----------------------------------------------------------------------------------

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().collect(Collectors.toList())) {
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

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir, e);
        }
    }
}
