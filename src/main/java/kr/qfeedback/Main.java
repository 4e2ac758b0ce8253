package kr.qfeedback;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import kr.qfeedback.http.FeedbackApi;
import kr.qfeedback.http.HttpService;
import kr.qfeedback.http.ServiceMetrics;
import kr.qfeedback.http.TokenRegistry;
import kr.qfeedback.reference.importer.ImportReport;
import kr.qfeedback.reference.importer.QnetImporter;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleProblem;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.rules.RuleSetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses the command and wires things up; nothing else. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final PrintStream ERR = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        int exit;
        try {
            exit = switch (command) {
                case "serve" -> serve();
                case "validate" -> validate(rest);
                case "import-reference" -> importReference(rest);
                case "help", "--help", "-h" -> help(0);
                default -> {
                    ERR.println("Unknown command '" + command + "'.");
                    yield help(2);
                }
            };
        } catch (IllegalArgumentException e) {
            ERR.println(e.getMessage());
            exit = 2;
        }
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    private static int help(int exit) {
        (exit == 0 ? OUT : ERR).println(String.join("\n",
                "usage: java -jar q-feedback.jar COMMAND",
                "  serve                      start the HTTP service (environment: QF_HTTP_PORT, QF_RULES_DIR, QF_DATA_DIR, QF_TOKENS)",
                "  validate [DIR]             check a rules folder (default ./rules); exit 0 when publishable, 1 with problems",
                "  import-reference QNET OUT  import Q-Net open API data (e.g. ../shared/data/qnet) into OUT (e.g. rules/reference)"));
        return exit;
    }

    /** Starts the service; returns -1 so that main does not exit while it serves. */
    private static int serve() {
        ServiceConfig config = ServiceConfig.fromEnvironment(System.getenv());
        TokenRegistry tokens;
        if (config.tokens() == null) {
            tokens = TokenRegistry.generate();
            OUT.println("QF_TOKENS is not set; generated tokens for this run (shown once):");
            tokens.describeForOperator().forEach(line -> OUT.println("  " + line));
        } else {
            tokens = TokenRegistry.parse(config.tokens());
        }
        RuleSet ruleSet;
        try {
            ruleSet = new RuleSetCompiler().compile(RuleFiles.read(config.rulesDir()));
        } catch (RuleSetException e) {
            ERR.println("규칙을 적용할 수 없어 서비스를 시작하지 않습니다 (" + config.rulesDir() + "):");
            e.problems().forEach(p -> ERR.println("  - " + p.describe()));
            return 1;
        }
        ActiveRuleSet active = new ActiveRuleSet();
        active.activate(ruleSet);
        Vertx vertx = Vertx.vertx();
        FeedbackApi api = new FeedbackApi(active, tokens, new ServiceMetrics(), Clock.systemUTC());
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        HttpService.start(vertx, api, config.httpPort(), instances)
                .onSuccess(port -> LOG.info("listening on port {} (rules version {})", port, ruleSet.version()))
                .onFailure(e -> {
                    ERR.println("The HTTP server could not start on port " + config.httpPort() + ": " + e.getMessage());
                    System.exit(1);
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "shutdown"));
        return -1;
    }

    private static int validate(List<String> args) {
        Path dir = Path.of(args.isEmpty() ? "rules" : args.get(0));
        try {
            RuleSet ruleSet = new RuleSetCompiler().compile(RuleFiles.read(dir));
            OUT.println("검증 통과: " + dir + " (규칙 버전 " + ruleSet.version() + ", 규칙 " + ruleSet.ruleCount() + "개). 게시할 수 있습니다.");
            return 0;
        } catch (RuleSetException e) {
            OUT.println("검증 실패: " + dir + " 에서 문제 " + e.problems().size() + "개를 찾았습니다.");
            for (RuleProblem p : e.problems()) {
                OUT.println("  - " + p.describe());
            }
            return 1;
        }
    }

    private static int importReference(List<String> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("usage: import-reference QNET_DIR OUT_DIR (e.g. ../shared/data/qnet rules/reference)");
        }
        ImportReport report = QnetImporter.run(Path.of(args.get(0)), Path.of(args.get(1)));
        OUT.println(report.summary());
        report.notes().forEach(OUT::println);
        return 0;
    }
}
