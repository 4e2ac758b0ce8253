package kr.qfeedback.console;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.http.FeedbackApi;
import kr.qfeedback.http.HttpService;
import kr.qfeedback.http.RulesApi;
import kr.qfeedback.http.ServiceMetrics;
import kr.qfeedback.http.TokenRegistry;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSetCompiler;

/** The real HTTP service on a free port for the console tests, wired as {@code serve} wires it. */
final class ConsoleServer implements AutoCloseable {
    static final String DECIDE_TOKEN = "decide-token-for-console-tests";
    static final String AUTHOR_TOKEN = "author-token-for-console-tests";
    static final Path RULES = Path.of(System.getProperty("qfeedback.rules.dir", "rules"));
    static final Path FEATURES = Path.of("features");

    private final Vertx vertx;
    private final int port;

    private ConsoleServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    /** With the rules lifecycle (validate, publish, rollback, audit) keeping its versions in {@code dataDir}. */
    static ConsoleServer withLifecycle(Path dataDir) {
        ActiveRuleSet active = new ActiveRuleSet();
        RulesLifecycle lifecycle = new RulesLifecycle(active, VersionStore.open(dataDir), AuditLog.open(dataDir),
                new AcceptanceGate(FEATURES), Clock.systemUTC());
        lifecycle.start(RuleFiles.read(RULES), false);
        RulesApi rulesApi = new RulesApi(lifecycle, (rules, size, seed) -> CohortGenerator.list(rules.reference(), rules.parameters(), seed, size),
                dataDir.resolve("uploads"));
        return start(new FeedbackApi(active, tokens(), new ServiceMetrics(), Clock.systemUTC(), rulesApi).mounting(ConsoleRoutes::mount));
    }

    /** The decision API and the console only, with the shipped rules active. */
    static ConsoleServer withShippedRules() {
        ActiveRuleSet active = new ActiveRuleSet();
        active.activate(new RuleSetCompiler().compile(RuleFiles.read(RULES)));
        return start(new FeedbackApi(active, tokens(), new ServiceMetrics(), Clock.systemUTC()).mounting(ConsoleRoutes::mount));
    }

    private static TokenRegistry tokens() {
        return TokenRegistry.parse("decide:" + DECIDE_TOKEN + ",author:" + AUTHOR_TOKEN);
    }

    private static ConsoleServer start(FeedbackApi api) {
        Vertx vertx = Vertx.vertx();
        try {
            int port = HttpService.start(vertx, api, 0, 1).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            return new ConsoleServer(vertx, port);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("The HTTP service did not start", e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The HTTP service did not stop", e);
        }
    }
}
