package kr.qfeedback.lifecycle;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.rules.RuleFiles;

/** {@code validate [DIR]}: checks a rules folder as staff edited it, as a publish would; exit 0 when publishable, 1 with the problems in Korean. */
public final class ValidateCommand {

    private ValidateCommand() {}

    public static int run(List<String> args, PrintStream out) {
        Path dir = Path.of(args.isEmpty() ? "rules" : args.get(0));
        Path features = Path.of(System.getenv().getOrDefault("QF_FEATURES_DIR", "./features"));
        if (!Files.isDirectory(dir)) {
            out.println("검증 실패: " + dir + " 은(는) " + (Files.exists(dir) ? "폴더가 아니라 파일입니다" : "없는 폴더입니다")
                    + ". validate 다음에는 규칙 파일이 들어 있는 폴더를 적어 주세요(예: validate rules; 적지 않으면 rules 를 씁니다).");
            return 1;
        }
        RuleFiles files;
        try {
            files = RuleFiles.read(dir);
        } catch (UncheckedIOException e) {
            out.println("검증 실패: " + dir + " 안의 파일을 읽지 못했습니다("
                    + e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage() + "). 파일을 읽을 권한이 있는지, 다른 프로그램이 파일을 잠그고 있지 않은지 확인한 뒤 다시 실행해 주세요.");
            return 1;
        }
        RuleChecks.Checked checked = new RuleChecks().check(files);
        CheckReport report = checked.report();
        if (!report.compiled()) {
            out.println("검증 실패: " + dir + " 에서 문제 " + report.problems().size() + "개를 찾았습니다.");
            report.problems().forEach(p -> out.println("  - " + p.describe()));
            return 1;
        }
        report.coverage().describe().forEach(line -> out.println("  - " + line));
        if (!report.publishable()) {
            out.println("검증 실패: " + dir + " 는 컴파일되지만 빠진 경우나 서로 부딪치는 행이 있어 게시할 수 없습니다.");
            return 1;
        }
        if (AcceptanceGate.scenariosAvailable(features)) {
            AcceptanceGate.GateResult gate = new AcceptanceGate(features).run(checked.rules(), files);
            if (!gate.passed()) {
                out.println("검증 실패: 수용 시나리오 " + gate.failures().size() + "개가 실패했습니다 (" + gate.scenarios() + "개 중).");
                gate.failures().forEach(f -> out.println("  - " + f.location() + " " + f.name() + ": " + f.error()));
                return 1;
            }
            out.println("수용 시나리오 " + gate.scenarios() + "개 모두 통과.");
        } else {
            out.println("수용 시나리오 폴더(" + features + ")가 없어 시나리오는 돌리지 않았습니다.");
        }
        out.println("검증 통과: " + dir + " (규칙 버전 " + report.version() + "). 게시할 수 있습니다.");
        return 0;
    }
}
