package kr.qfeedback.acceptance;

import io.cucumber.core.feature.FeatureWithLines;
import io.cucumber.core.options.RuntimeOptionsBuilder;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;

/**
 * Runs the Korean acceptance scenarios ({@code features/*.feature}) against a candidate rule set,
 * and the scenarios staff saved into the candidate version ({@link SavedScenarios}), in process, with
 * the same step definitions as the test suite. A publish is allowed only when every scenario
 * passes. One gate runs at a time.
 */
public final class AcceptanceGate {
    private static final Object LOCK = new Object();
    private final Path featuresDir;

    public AcceptanceGate(Path featuresDir) {
        this.featuresDir = Objects.requireNonNull(featuresDir, "featuresDir must not be null");
    }

    /** One scenario's result: its name, where it is ({@code features/x.feature:12}) and why it failed. */
    public record ScenarioResult(String name, String location, String status, String error) {}

    /** All scenarios' results; {@code passed()} when there was at least one and none failed. */
    public record GateResult(int scenarios, List<ScenarioResult> failures, long millis) {
        public boolean passed() {
            return scenarios > 0 && failures.isEmpty();
        }
    }

    /** Whether the acceptance scenarios can run here (the features folder exists). */
    public static boolean scenariosAvailable(Path featuresDir) {
        return Files.isDirectory(featuresDir);
    }

    /** Runs the scenarios of {@code features/} against {@code candidate}. */
    public GateResult run(RuleSet candidate) {
        return run(candidate, (RuleFiles) null);
    }

    /**
     * Runs the scenarios of {@code features/} and the scenarios saved in {@code version} (its
     * {@code .feature} files, see {@link SavedScenarios}) against {@code candidate}, compiled from it.
     */
    public GateResult run(RuleSet candidate, RuleFiles version) {
        Objects.requireNonNull(candidate, "candidate must not be null");
        if (!Files.isDirectory(featuresDir)) {
            return new GateResult(
                    0,
                    List.of(new ScenarioResult(
                            "(없음)",
                            featuresDir.toString(),
                            "MISSING",
                            "수용 시나리오 폴더가 없습니다. features/ 폴더에 .feature 파일이 있어야 게시할 수 있습니다.")),
                    0);
        }
        return execute(candidate, featuresDir, SavedScenarios.of(version));
    }

    /** Runs only {@code scenarios} (path in the rules folder → feature text) against {@code rules}. */
    public static GateResult runSaved(RuleSet rules, Map<String, byte[]> scenarios) {
        Objects.requireNonNull(rules, "rules must not be null");
        return execute(rules, null, scenarios);
    }

    private static GateResult execute(RuleSet candidate, Path features, Map<String, byte[]> saved) {
        long started = System.nanoTime();
        Path savedRoot = null;
        try {
            RuntimeOptionsBuilder options = new RuntimeOptionsBuilder()
                    .addGlue(URI.create("classpath:/kr/qfeedback/acceptance"))
                    .setMonochrome()
                    .setNoSummary();
            if (features != null) {
                options.addFeature(
                        FeatureWithLines.parse(features.toAbsolutePath().toString()));
            }
            if (!saved.isEmpty()) {
                savedRoot = Files.createTempDirectory("qf-saved-scenarios-");
                Path rules = SavedScenarios.writeUnder(savedRoot, saved);
                options.addFeature(FeatureWithLines.parse(rules.toAbsolutePath().toString()));
            }
            Path base = savedRoot;
            Locations locations = uri -> relative(uri, features, base);
            List<ScenarioResult> failures = Collections.synchronizedList(new ArrayList<>());
            int[] count = {0};
            synchronized (LOCK) {
                CompiledRules.useCandidate(candidate);
                try {
                    Runtime.builder()
                            .withRuntimeOptions(options.build())
                            .withClassLoader(AcceptanceGate.class::getClassLoader)
                            .withAdditionalPlugins(listener(failures, count, locations))
                            .build()
                            .run();
                } catch (RuntimeException e) {
                    // A file that is not Gherkin (a saved scenario edited by hand, say) stops the run before any
                    // scenario.
                    failures.add(new ScenarioResult(
                            "(읽을 수 없는 시나리오 파일)",
                            savedRoot == null
                                    ? String.valueOf(features)
                                    : RuleFiles.DISPLAY_ROOT + SavedScenarios.FOLDER,
                            "UNREADABLE",
                            "시나리오 파일을 읽을 수 없습니다: " + e.getMessage()));
                } finally {
                    CompiledRules.useCandidate(null);
                }
            }
            return new GateResult(count[0], List.copyOf(failures), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("A folder for the saved scenarios could not be made.", e);
        } finally {
            SavedScenarios.remove(savedRoot);
        }
    }

    private interface Locations {
        String of(URI uri);
    }

    private static ConcurrentEventListener listener(List<ScenarioResult> failures, int[] count, Locations locations) {
        return new ConcurrentEventListener() {
            @Override
            public void setEventPublisher(EventPublisher publisher) {
                publisher.registerHandlerFor(TestCaseFinished.class, event -> {
                    count[0]++;
                    Status status = event.getResult().getStatus();
                    if (status != Status.PASSED) {
                        Throwable error = event.getResult().getError();
                        failures.add(new ScenarioResult(
                                event.getTestCase().getName(),
                                locations.of(event.getTestCase().getUri()) + ":"
                                        + event.getTestCase().getLocation().getLine(),
                                status.name(),
                                error == null ? "정의되지 않았거나 건너뛴 단계가 있습니다." : error.getMessage()));
                    }
                });
            }
        };
    }

    /** {@code features/x.feature} for the shipped ones, {@code rules/시나리오/x.feature} for saved ones. */
    private static String relative(URI uri, Path features, Path savedRoot) {
        try {
            Path path = Path.of(uri);
            if (savedRoot != null && path.startsWith(savedRoot.toAbsolutePath())) {
                return savedRoot.toAbsolutePath().relativize(path).toString().replace('\\', '/');
            }
            Path base = features == null ? null : features.toAbsolutePath().getParent();
            return base == null ? path.toString() : base.relativize(path).toString();
        } catch (RuntimeException e) {
            return uri.toString();
        }
    }
}
