package kr.qfeedback.acceptance;

import io.cucumber.core.feature.FeatureWithLines;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.options.RuntimeOptionsBuilder;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import kr.qfeedback.rules.RuleSet;

/**
 * Runs the Korean acceptance scenarios ({@code features/*.feature}) against a candidate rule set,
 * in process, with the same step definitions as the test suite. A publish is allowed only when
 * every scenario passes. One gate runs at a time.
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

    public GateResult run(RuleSet candidate) {
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
        long started = System.nanoTime();
        List<ScenarioResult> failures = Collections.synchronizedList(new ArrayList<>());
        int[] count = {0};
        ConcurrentEventListener listener = new ConcurrentEventListener() {
            @Override
            public void setEventPublisher(EventPublisher publisher) {
                publisher.registerHandlerFor(TestCaseFinished.class, event -> {
                    count[0]++;
                    Status status = event.getResult().getStatus();
                    if (status != Status.PASSED) {
                        Throwable error = event.getResult().getError();
                        failures.add(new ScenarioResult(
                                event.getTestCase().getName(),
                                relative(event.getTestCase().getUri()) + ":"
                                        + event.getTestCase().getLocation().getLine(),
                                status.name(),
                                error == null ? "정의되지 않았거나 건너뛴 단계가 있습니다." : error.getMessage()));
                    }
                });
            }
        };
        RuntimeOptions options = new RuntimeOptionsBuilder()
                .addGlue(URI.create("classpath:/kr/qfeedback/acceptance"))
                .addFeature(FeatureWithLines.parse(featuresDir.toAbsolutePath().toString()))
                .setMonochrome()
                .setNoSummary()
                .build();
        synchronized (LOCK) {
            CompiledRules.useCandidate(candidate);
            try {
                Runtime.builder()
                        .withRuntimeOptions(options)
                        .withClassLoader(AcceptanceGate.class::getClassLoader)
                        .withAdditionalPlugins(listener)
                        .build()
                        .run();
            } finally {
                CompiledRules.useCandidate(null);
            }
        }
        return new GateResult(count[0], List.copyOf(failures), (System.nanoTime() - started) / 1_000_000);
    }

    private String relative(URI uri) {
        try {
            Path path = Path.of(uri);
            Path base = featuresDir.toAbsolutePath().getParent();
            return base == null ? path.toString() : base.relativize(path).toString();
        } catch (RuntimeException e) {
            return uri.toString();
        }
    }
}
