package kr.qfeedback.rules;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.reference.ReferenceDataException;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a folder of staff-edited rule files into a {@link RuleSet}, or fails with every problem
 * located in the files staff edited (never in generated DRL). Reads parameters and messages
 * first, checks each decision table cell by cell, converts tables to DRL sheet by sheet, then
 * lets Drools compile everything ({@link DroolsBuild}) and maps its messages back to sheet rows and
 * DRL lines ({@link DroolsProblems}).
 */
public final class RuleSetCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetCompiler.class);
    private static final String TABLE_SUFFIX = ".drl.xlsx";
    private static final String DRL_SUFFIX = ".drl";
    private static final String REFERENCE_FILE = "reference/qualifications.json";

    /** How long a compilation may take (seconds, system property {@code qf.rules.compileSeconds}, default 60). */
    static final Duration COMPILE_BUDGET = Duration.ofSeconds(Long.getLong("qf.rules.compileSeconds", 60));

    private final DroolsBuild drools = new DroolsBuild();
    private final Duration budget;
    private final CompileCache cache;

    public RuleSetCompiler() {
        this(COMPILE_BUDGET, CompileCache.NONE);
    }

    /** A compiler that keeps the tables' DRL of each version it compiles in {@code cache} and takes it from there. */
    public RuleSetCompiler(CompileCache cache) {
        this(COMPILE_BUDGET, cache);
    }

    RuleSetCompiler(Duration budget) {
        this(budget, CompileCache.NONE);
    }

    RuleSetCompiler(Duration budget, CompileCache cache) {
        this.budget = budget;
        this.cache = java.util.Objects.requireNonNull(cache, "cache must not be null");
    }

    /**
     * Compiles on a worker thread of its own within the time budget. Past it, the compilation is
     * abandoned (interrupted, its result dropped) and reported as a problem, so a caller keeps the
     * version it has (validate, publish, start-up and a cluster member's prepare all come here).
     */
    public RuleSet compile(RuleFiles files) {
        FutureTask<RuleSet> task = new FutureTask<>(() -> compileNow(files));
        Thread worker = new Thread(task, "rules-compile");
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            LOG.warn("rules version {} did not compile within {} ms; abandoned", files.version(), budget.toMillis());
            throw new RuleSetException(List.of(RuleProblem.inFile(
                    RuleFiles.DISPLAY_ROOT,
                    "규칙을 컴파일하는 데 "
                            + budget.toSeconds() + "초가 넘게 걸려 중단했습니다. 지금 쓰는 규칙 버전은 그대로입니다."
                            + " 규칙이나 표가 지나치게 크지 않은지 확인해 주세요.")));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling rules version " + files.version(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private RuleSet compileNow(RuleFiles files) {
        long started = System.nanoTime();
        List<RuleProblem> problems = new ArrayList<>();
        List<String> tables = files.pathsEndingWith(TABLE_SUFFIX);
        List<String> drls = files.pathsEndingWith(DRL_SUFFIX);
        List<GeneratedDrl> sources = new ArrayList<>();
        Optional<Parameters> parameters;
        Optional<MessageCatalogue> messages;
        ReferenceCatalogue reference;
        // The tables' DRL comes from the cache when this very version was compiled before (the
        // allow-list and Drools still check it); otherwise the workbooks open beside the reading of
        // the other files, and the reference data is read beside both. Problems keep their order.
        Optional<List<GeneratedDrl>> cached = tables.isEmpty()
                ? Optional.empty()
                : cache.read(files, GeneratedDrlCodec.ENTRY)
                        .flatMap(GeneratedDrlCodec::decode)
                        .filter(drl -> coversTables(drl, tables));
        // Otherwise, the DRL of the same workbooks converted lately (a texts-only publish), when the
        // messages still have every message it names.
        Optional<ConvertedTables.Converted> converted =
                cached.isPresent() || tables.isEmpty() ? Optional.empty() : ConvertedTables.SHARED.find(files, tables);
        boolean convertedNow = false;
        CompletableFuture<ReferenceRead> referenceRead =
                CompletableFuture.supplyAsync(() -> readReference(files), RuleSetCompiler::onOwnThread);
        try (WorkbookOpener workbooks =
                new WorkbookOpener(files, cached.isPresent() || converted.isPresent() ? List.of() : tables)) {
            parameters = readRequired(
                    files,
                    ParametersReader.FILE,
                    problems,
                    (path, bytes) -> ParametersReader.read(path, bytes, problems));
            java.util.Set<String> linkHosts =
                    parameters.map(Parameters::linkHosts).orElse(null);
            messages = readRequired(
                    files,
                    MessagesReader.FILE,
                    problems,
                    (path, bytes) -> MessagesReader.read(path, bytes, problems, linkHosts));
            ReferenceRead read = referenceRead.join();
            read.problem().ifPresent(problems::add);
            reference = read.catalogue();
            if (parameters.isPresent() && messages.isPresent()) {
                TextMessageLimits.check(
                        RuleFiles.display(MessagesReader.FILE),
                        files.files().get(MessagesReader.FILE),
                        messages.get(),
                        parameters.get(),
                        reference,
                        problems);
            }
            if (tables.isEmpty()) {
                problems.add(
                        RuleProblem.inFile(RuleFiles.DISPLAY_ROOT, "결정표(*.drl.xlsx)가 하나도 없습니다. 섹션을 정하는 표가 있어야 합니다."));
            }
            if (cached.isPresent()) {
                sources.addAll(cached.get());
            } else if (converted.isPresent() && converted.get().namesOnlyMessagesOf(messages.orElse(null))) {
                sources.addAll(converted.get().drl());
            } else {
                convertedNow = !tables.isEmpty();
                for (String table : tables) {
                    sources.addAll(
                            TableSources.convertTable(table, workbooks.take(table), messages.orElse(null), problems));
                }
            }
        }
        for (String drl : drls) {
            sources.add(new GeneratedDrl(
                    drl, null, new String(files.files().get(drl), StandardCharsets.UTF_8), false, Map.of()));
        }
        // Rule files are data: nothing is compiled before every text has passed the allow-list.
        RuleAllowList.Checked allowed = RuleAllowList.check(sources, DroolsProblems::locate);
        problems.addAll(allowed.problems());
        List<GeneratedDrl> checkedSources =
                sources.stream().filter(s -> !allowed.refused().contains(s)).toList();
        if (!problems.isEmpty()) {
            // Still compile the hand-written DRL files that passed (quick), so their mistakes are reported in the same
            // run.
            drools.build(checkedSources.stream().filter(s -> !s.fromTable()).toList(), problems);
            throw new RuleSetException(problems);
        }
        String drlKey = BuiltKieBases.keyOf(checkedSources);
        KieBase kieBase = drools.build(checkedSources, drlKey, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        if (convertedNow) {
            ConvertedTables.SHARED.keep(
                    files,
                    tables,
                    sources.stream().filter(GeneratedDrl::fromTable).toList(),
                    messages.orElseThrow());
        }
        if (cached.isEmpty()) {
            cache.write(
                    files,
                    GeneratedDrlCodec.ENTRY,
                    GeneratedDrlCodec.encode(
                            sources.stream().filter(GeneratedDrl::fromTable).toList()));
        }
        Map<String, RuleSource> index = new HashMap<>();
        Map<String, Long> sheetsPerFile = new HashMap<>();
        sources.stream().filter(GeneratedDrl::fromTable).forEach(s -> sheetsPerFile.merge(s.file(), 1L, Long::sum));
        for (GeneratedDrl source : sources) {
            index.putAll(source.sources(sheetsPerFile.getOrDefault(source.file(), 0L) > 1));
        }
        LOG.info(
                "rules version {} compiled in {} ms ({} rules{})",
                files.version(),
                (System.nanoTime() - started) / 1_000_000,
                index.size(),
                cached.isPresent()
                        ? "; the tables' DRL taken from the cache"
                        : convertedNow || tables.isEmpty() ? "" : "; the same workbooks' DRL as converted before");
        ProfileCanonicalizer canonicalizer = ProfileCanonicalizer.from(
                sources.stream().map(GeneratedDrl::drl).toList(),
                parameters.orElseThrow().toFact());
        return new RuleSet(
                files.version(),
                kieBase,
                parameters.orElseThrow(),
                messages.orElseThrow(),
                reference,
                index,
                canonicalizer,
                OutcomeInputs.of(drlKey, index, files));
    }

    private interface Reader<T> {
        Optional<T> read(String path, byte[] bytes);
    }

    private static <T> Optional<T> readRequired(
            RuleFiles files, String name, List<RuleProblem> problems, Reader<T> reader) {
        byte[] bytes = files.files().get(name);
        if (bytes == null) {
            problems.add(RuleProblem.inFile(RuleFiles.display(name), "파일이 없습니다. 규칙 폴더에 " + name + " 이(가) 있어야 합니다."));
            return Optional.empty();
        }
        return reader.read(RuleFiles.display(name), bytes);
    }

    /** The reference data, or (catalogue null) the problem that it is missing or unreadable. */
    private record ReferenceRead(ReferenceCatalogue catalogue, Optional<RuleProblem> problem) {}

    private static ReferenceRead readReference(RuleFiles files) {
        if (!files.files().containsKey(REFERENCE_FILE)) {
            return new ReferenceRead(
                    null,
                    Optional.of(RuleProblem.inFile(
                            RuleFiles.display(REFERENCE_FILE),
                            "기준 자료가 없습니다. 가져오기 도구(import-reference)로 만든 파일이 있어야 합니다.")));
        }
        try {
            return new ReferenceRead(ReferenceCatalogue.load(files.root().resolve("reference")), Optional.empty());
        } catch (ReferenceDataException e) {
            return new ReferenceRead(
                    null,
                    Optional.of(RuleProblem.inFile(
                            RuleFiles.display(REFERENCE_FILE), "기준 자료를 읽을 수 없습니다: " + e.getMessage())));
        }
    }

    /** Whether cached DRL came from exactly these table files (a table the version has is never skipped). */
    private static boolean coversTables(List<GeneratedDrl> cached, List<String> tables) {
        return cached.stream()
                .map(GeneratedDrl::file)
                .collect(java.util.stream.Collectors.toSet())
                .equals(new java.util.HashSet<>(tables));
    }

    private static void onOwnThread(Runnable work) {
        Thread thread = new Thread(work, "rules-reference");
        thread.setDaemon(true);
        thread.start();
    }
}
