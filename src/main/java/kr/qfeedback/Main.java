package kr.qfeedback;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntSupplier;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.batch.BatchCommand;
import kr.qfeedback.cluster.ClusterNode;
import kr.qfeedback.cluster.ClusterSettings;
import kr.qfeedback.cohort.CohortCommand;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.http.DecisionWarmup;
import kr.qfeedback.http.FeedbackApi;
import kr.qfeedback.http.HttpService;
import kr.qfeedback.http.Listener;
import kr.qfeedback.http.RulesApi;
import kr.qfeedback.http.ServiceMetrics;
import kr.qfeedback.http.TokenRegistry;
import kr.qfeedback.lifecycle.AuditKey;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.AuditLogException;
import kr.qfeedback.lifecycle.PreparedStart;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.StartupPhases;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.lifecycle.VersionStoreException;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses the command and wires things up; nothing else. */
public final class Main {
    /**
     * Commands whose data may go to standard output ({@code --out /dev/stdout}): their log lines go
     * to standard error instead, so that the output stays NDJSON. Set before the first logger exists.
     */
    private static final Set<String> DATA_COMMANDS = Set.of("batch", "cohort");

    /** The commands policy staff run: what they print is in Korean. */
    private static final Set<String> STAFF_COMMANDS = Set.of("validate", "format-table");

    /** Wrong arguments or environment: the message says which and what is accepted. */
    static final int USAGE_ERROR = 2;

    /**
     * A failure no command expected (EX_SOFTWARE of sysexits.h): distinct from 1, which the commands
     * give for what they report themselves (rules with problems, an altered audit log, a file that
     * cannot be read), so that a script does not take a crash for such a finding.
     */
    static final int UNEXPECTED_FAILURE = 70;

    private static final int MAX_MESSAGE = 500;
    private static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    private static final String DEBUG_PROPERTY = "org.slf4j.simpleLogger.log." + Main.class.getName();
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final PrintStream ERR = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    /** Set when the service itself chose to exit (with its own status), as opposed to a signal. */
    private static volatile boolean exiting;

    private Main() {}

    private static void exit(int status) {
        exiting = true;
        System.exit(status);
    }

    /** Made when first used, after {@link #main} has chosen where log lines go. */
    private static Logger log() {
        return LoggerFactory.getLogger(Main.class);
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        if (DATA_COMMANDS.contains(command) && System.getProperty(LOG_FILE_PROPERTY) == null) {
            System.setProperty(LOG_FILE_PROPERTY, "System.err");
        }
        int exit = run(args, OUT, ERR);
        if (exit >= 0) {
            exit(exit);
        }
    }

    /**
     * Runs the command {@code args[0]} and returns its exit status, or -1 when {@code serve} is
     * serving; see {@link #guarded} for what happens when it fails.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        return guarded(command, () -> dispatch(command, rest, out, err), err);
    }

    private static int dispatch(String command, List<String> rest, PrintStream out, PrintStream err) {
        return switch (command) {
            case "serve" -> serve();
            case "validate" -> kr.qfeedback.lifecycle.ValidateCommand.run(rest, out);
            case "import-reference" -> kr.qfeedback.reference.importer.ImportReferenceCommand.run(rest, out, err);
            case "format-table" -> kr.qfeedback.rules.FormatTableCommand.run(rest, out, err);
            case "audit-verify" -> kr.qfeedback.lifecycle.AuditVerifyCommand.run(rest, out);
            case "cohort" ->
                CohortCommand.run(
                        rest, ServiceConfig.fromEnvironment(System.getenv()).rulesDir(), err);
            case "batch" -> {
                ServiceConfig config = ServiceConfig.fromEnvironment(System.getenv());
                yield BatchCommand.run(rest, config.rulesDir(), config.dataDir(), err);
            }
            case "help", "--help", "-h" -> help(0, out, err);
            default -> {
                err.println("Unknown command '" + command + "'.");
                yield help(USAGE_ERROR, out, err);
            }
        };
    }

    /**
     * Runs {@code body}, the command {@code command}, and returns its exit status. Wrong arguments
     * or environment ({@link IllegalArgumentException}) exit {@value #USAGE_ERROR} with their
     * message; any other exception that escapes is reported by {@link #failed} in one line and exits
     * {@value #UNEXPECTED_FAILURE}. Commands report their expected failures (a file that cannot be
     * read, rules with problems) themselves, with exit 1.
     */
    static int guarded(String command, IntSupplier body, PrintStream err) {
        try {
            return body.getAsInt();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE_ERROR;
        } catch (RuntimeException e) {
            return failed(command, e, err);
        }
    }

    /**
     * The last resort for an exception no command expected: one line on standard error saying what
     * failed, the exception's type and message, and what to do; the stack trace only in the log at
     * DEBUG. The line is in Korean for the commands policy staff run.
     */
    private static int failed(String command, RuntimeException e, PrintStream err) {
        log().debug("the command '{}' failed unexpectedly", command, e);
        String what = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
        if (STAFF_COMMANDS.contains(command)) {
            err.println(command + " 을(를) 끝내지 못했습니다. 예상하지 못한 오류입니다(" + what + "). 다시 실행해도 같으면 실행한"
                    + " 명령줄과 이 줄을 그대로 개발팀에 알려 주세요.");
        } else {
            err.println(command + " failed unexpectedly (" + what + "). If you did not expect this, report it with the"
                    + " command line you ran and this line; -D" + DEBUG_PROPERTY
                    + "=debug also logs the stack trace.");
        }
        return UNEXPECTED_FAILURE;
    }

    /** {@code message} on one line, at most {@value #MAX_MESSAGE} characters: it is quoted in a one-line report. */
    private static String oneLine(String message) {
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "…";
    }

    private static int help(int exit, PrintStream out, PrintStream err) {
        (exit == 0 ? out : err)
                .println(
                        String.join(
                                "\n",
                                "usage: java -jar q-feedback.jar COMMAND",
                                "  serve                      start the HTTP service (environment: QF_HTTP_PORT, QF_RULES_DIR, QF_DATA_DIR, QF_TOKENS,",
                                "                             QF_CLUSTER_MEMBERS, QF_CLUSTER_SECRET, QF_CLUSTER_PORT, QF_FEATURES_DIR, QF_WARMUP_DECISIONS,",
                                "                             QF_SHUTDOWN_GRACE, QF_IMPACT_MAX_SIZE, QF_TLS_CERT, QF_TLS_KEY, QF_ADMIN_PORT,",
                                "                             QF_HTTP_IDLE_TIMEOUT, QF_HTTP_REQUEST_TIMEOUT, QF_HTTP_MAX_CONNECTIONS,",
                                "                             QF_PUBLISH_APPROVAL); SIGTERM stops it gracefully (docs/operations.md)",
                                "  validate [DIR]             check a rules folder (default ./rules); exit 0 when publishable, 1 with problems",
                                "  import-reference QNET OUT  import Q-Net open API data (e.g. ../shared/data/qnet) into OUT (e.g. rules/reference)",
                                "  format-table [DIR]         give DIR/sections.drl.xlsx its dropdowns, range checks, header comments and locked system rows",
                                "  audit-verify [DATA_DIR] [--head HASH]  verify the hash chain of the audit log (default ./data)",
                                "  batch --in FILE --out FILE [--threads N] [--keep-cohort NAME]",
                                "                             decide NDJSON requests into NDJSON decisions (line N answers line N), progress on stderr;",
                                "                             --keep-cohort also keeps the input in QF_DATA_DIR/cohorts for impact runs (30 days)",
                                "  cohort --size N --out FILE [--seed S]",
                                "                             write N realistic requests (NDJSON) drawn from the reference statistics",
                                "exit status: 0 done; 1 a failure the command reports (rules with problems, an altered audit log,",
                                "  a file that cannot be read or written); 2 wrong arguments or environment; 70 an unexpected failure"));
        return exit;
    }

    /** The compiled start-up version, or what made it fail (a {@link RuleSetException} as it is). */
    private static PreparedStart awaited(CompletableFuture<PreparedStart> prepared) {
        try {
            return prepared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void onStartupThread(Runnable work) {
        Thread thread = new Thread(work, "startup-rules");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the service; returns -1 so that main does not exit while it serves. */
    private static int serve() {
        StartupPhases.sinceJvmStart("jvm");
        ServiceConfig config = ServiceConfig.fromEnvironment(System.getenv());
        TokenRegistry tokens;
        // Generated tokens are shown once the service listens: never for a start that fails on the way.
        boolean generatedTokens = config.tokens() == null && config.tokensFile() == null;
        if (generatedTokens) {
            tokens = TokenRegistry.generate();
        } else {
            List<String> lines;
            try {
                lines = config.tokensFile() == null ? List.of() : java.nio.file.Files.readAllLines(config.tokensFile());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(
                        "QF_TOKENS_FILE " + config.tokensFile() + " cannot be read: " + e.getMessage());
            }
            tokens = TokenRegistry.from(config.tokens(), lines, config.tokensFile() == null ? null : "QF_TOKENS_FILE");
        }
        ActiveRuleSet active = new ActiveRuleSet();
        AuditLog audit;
        VersionStore versions;
        try {
            audit = AuditLog.open(config.dataDir(), AuditKey.fromEnvironment(System.getenv()));
            audit.startSigning(Clock.systemUTC().instant());
            versions = VersionStore.open(config.dataDir());
        } catch (AuditLogException | VersionStoreException e) {
            // Nothing runs yet: the messages say what is wrong with QF_DATA_DIR or QF_AUDIT_KEY and what to do.
            ERR.println("The service did not start: " + e.getMessage());
            return 1;
        }
        RulesLifecycle lifecycle = new RulesLifecycle(
                active, versions, audit, new AcceptanceGate(config.featuresDir()), Clock.systemUTC());
        boolean scenarios = AcceptanceGate.scenariosAvailable(config.featuresDir());
        if (!scenarios) {
            log().warn(
                            "no acceptance scenarios at {}; start-up checks run without them (publishing needs them)",
                            config.featuresDir());
        }
        // The rules folder is read, compiled and checked (nothing written) while the cluster member starts.
        CompletableFuture<PreparedStart> prepared = CompletableFuture.supplyAsync(
                () -> {
                    long started = StartupPhases.now();
                    RuleFiles files = RuleFiles.read(config.rulesDir());
                    StartupPhases.done("rules-read", started);
                    return lifecycle.prepareStart(files, scenarios);
                },
                Main::onStartupThread);
        RuleSet ruleSet;
        // Always a cluster member: without QF_CLUSTER_MEMBERS a cluster of one on 127.0.0.1.
        long clusterStarted = StartupPhases.now();
        ClusterNode cluster = ClusterNode.start(
                ClusterSettings.from(config.clusterMembers(), config.clusterPort(), config.clusterSecret()), lifecycle);
        StartupPhases.done("hazelcast", clusterStarted);
        // Made while the rules compile (on a restart the cluster member is up well before them).
        Vertx vertx = Vertx.vertx();
        RulesApi rulesApi = new RulesApi(
                        lifecycle,
                        (rules, size, seed) -> CohortGenerator.list(rules.reference(), rules.parameters(), seed, size),
                        config.dataDir().resolve("uploads"),
                        config.impactMaxSize())
                .publishApproval(config.publishApproval());
        FeedbackApi api = new FeedbackApi(
                active, tokens, new ServiceMetrics(), Clock.systemUTC(), rulesApi, cluster.decisions(), cluster);
        api.mounting(kr.qfeedback.console.ConsoleRoutes::mount);
        try {
            // The cluster's active version wins; only the first member of a cluster starts from its rules folder.
            ruleSet = cluster.join(() -> lifecycle.finishStart(awaited(prepared)));
        } catch (RuleSetException e) {
            ERR.println("규칙을 적용할 수 없어 서비스를 시작하지 않습니다 (" + config.rulesDir() + "):");
            e.problems().forEach(p -> ERR.println("  - " + p.describe()));
            vertx.close();
            cluster.close();
            return 1;
        } catch (AuditLogException | VersionStoreException e) {
            // Recording the start-up version failed (a cut-off audit log, a signed log without QF_AUDIT_KEY, a full
            // disk).
            ERR.println("The service did not start: " + e.getMessage());
            vertx.close();
            cluster.close();
            return 1;
        }
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        long warmupStarted = StartupPhases.now();
        DecisionWarmup.run(api, ruleSet, config.warmupDecisions(), instances);
        long listenStarted = StartupPhases.done("warm-up", warmupStarted);
        if (config.warmupDecisions() > 0) {
            lifecycle.warmPublishChecks();
        }
        GracefulStop stop = new GracefulStop(config.shutdownGrace(), api.stop(), vertx, lifecycle, cluster);
        String scheme = config.tls() == null ? "http" : "https";
        Listener publicPaths = config.adminPort().isPresent() ? Listener.PUBLIC : Listener.ALL;
        HttpService.start(vertx, api, config.httpPort(), instances, config.tls(), publicPaths, config.httpLimits())
                .compose(port -> {
                    log().info("listening on port {} ({}, rules version {})", port, scheme, ruleSet.version());
                    StartupPhases.done("listen", listenStarted);
                    if (config.adminPort().isEmpty()) {
                        return io.vertx.core.Future.succeededFuture(port);
                    }
                    return HttpService.start(
                                    vertx,
                                    api,
                                    config.adminPort().getAsInt(),
                                    1,
                                    config.tls(),
                                    Listener.ADMIN,
                                    config.httpLimits())
                            .onSuccess(admin -> log().info(
                                            "admin paths (console, /v1/rules, /v1/decisions) listening on port {} ({})",
                                            admin,
                                            scheme))
                            .recover(e -> io.vertx.core.Future.failedFuture(new IllegalStateException(
                                    "QF_ADMIN_PORT " + config.adminPort().getAsInt() + ": " + e.getMessage(), e)));
                })
                .onSuccess(port -> {
                    StartupPhases.sinceJvmStart("ready");
                    if (generatedTokens) {
                        OUT.println("QF_TOKENS is not set; generated tokens for this run (shown once):");
                        tokens.describeForOperator().forEach(line -> OUT.println("  " + line));
                    }
                })
                .onFailure(e -> {
                    ERR.println("The HTTP server could not start on port " + config.httpPort()
                            + (config.tls() == null ? "" : " with QF_TLS_CERT and QF_TLS_KEY") + ": " + e.getMessage());
                    // Not on the event loop: the shutdown hook waits for Vert.x to close.
                    new Thread(() -> exit(1), "exit").start();
                });
        // SIGTERM and SIGINT run the shutdown hooks; so does an exit the service chose itself.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            boolean clean = stop.run();
                            if (!exiting) {
                                // Stopped by a signal: exit 0 after a clean stop (the JVM would say 143 or 130), 1 when
                                // the grace ran out.
                                Runtime.getRuntime().halt(clean ? 0 : 1);
                            }
                        },
                        "shutdown"));
        return -1;
    }
}
