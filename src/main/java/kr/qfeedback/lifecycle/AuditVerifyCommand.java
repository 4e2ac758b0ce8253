package kr.qfeedback.lifecycle;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code audit-verify [DATA_DIR] [--head HASH]}: verifies the hash chain of the audit log (signed
 * entries with {@code QF_AUDIT_KEY}) and, with {@code --head}, that the chain still contains a head
 * hash exported earlier; exit 1 names the first altered entry, or says why the log could not be
 * read; exit 2 when the folder given is not one (nothing is created).
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {}

    public static int run(List<String> args, PrintStream out) {
        return run(args, System.getenv(), out);
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out) {
        Path dataDir = Path.of(args.isEmpty() || args.get(0).startsWith("--") ? "data" : args.get(0));
        int head = args.indexOf("--head");
        if (head >= 0
                && (head + 1 >= args.size()
                        || !Sha256.isHash(args.get(head + 1).trim().toLowerCase(java.util.Locale.ROOT)))) {
            out.println("--head 다음에는 GET /v1/rules/audit 의 headHash (64자리 16진수)를 주세요.");
            return 2;
        }
        String expectedHead = head >= 0 ? args.get(head + 1) : null;
        if (!Files.isDirectory(dataDir)) {
            // Opening the log would create the folder, and an empty log verifies: a mistyped path must not pass.
            out.println("데이터 폴더 " + dataDir + " 이(가) " + (Files.exists(dataDir) ? "폴더가 아닙니다" : "없습니다")
                    + ". audit-verify 다음에는 감사 기록(" + AuditLog.FILE_NAME + ")이 있는 QF_DATA_DIR 폴더나 그 백업을 주세요.");
            return 2;
        }
        AuditLog log = AuditLog.open(dataDir, AuditKey.fromEnvironment(env));
        AuditVerification result;
        String headHash;
        try {
            result = log.verify(expectedHead);
            headHash = result.ok() ? log.headHash() : null;
        } catch (AuditLogException e) {
            out.println("감사 기록을 읽지 못해 확인하지 못했습니다: " + e.getMessage());
            return 1;
        }
        if (result.ok()) {
            out.println(
                    "감사 기록 이상 없음: " + result.entryCount() + "개 항목, 마지막 해시 " + headHash + " (" + result.reason() + ")");
            return 0;
        }
        out.println("감사 기록 변조 또는 손상 발견: " + result.reason()
                + (result.firstBadSeq() == null ? "" : " (항목 " + result.firstBadSeq() + ")"));
        return 1;
    }
}
