package kr.qfeedback.lifecycle;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code audit-verify [DATA_DIR] [--head HASH]}: verifies the hash chain of the audit log; exit 1 names the first altered entry. */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {}

    public static int run(List<String> args, PrintStream out) {
        Path dataDir = Path.of(args.isEmpty() || args.get(0).startsWith("--") ? "data" : args.get(0));
        int head = args.indexOf("--head");
        String expectedHead = head >= 0 && head + 1 < args.size() ? args.get(head + 1) : null;
        AuditVerification result = AuditLog.open(dataDir).verify(expectedHead);
        if (result.ok()) {
            out.println("감사 기록 이상 없음: " + result.entryCount() + "개 항목, 마지막 해시 "
                    + AuditLog.open(dataDir).headHash());
            return 0;
        }
        out.println("감사 기록 변조 또는 손상 발견: " + result.reason()
                + (result.firstBadSeq() == null ? "" : " (항목 " + result.firstBadSeq() + ")"));
        return 1;
    }
}
