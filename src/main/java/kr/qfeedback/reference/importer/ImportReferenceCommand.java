package kr.qfeedback.reference.importer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code import-reference QNET OUT}: imports the Q-Net open API shapes into the reference folder, with the import report. */
public final class ImportReferenceCommand {

    private ImportReferenceCommand() {}

    public static int run(List<String> args, PrintStream out) {
        if (args.size() != 2) {
            throw new IllegalArgumentException(
                    "usage: import-reference QNET_DIR OUT_DIR (e.g. ../shared/data/qnet rules/reference)");
        }
        ImportReport report = QnetImporter.run(Path.of(args.get(0)), Path.of(args.get(1)));
        out.println(report.summary());
        report.notes().forEach(out::println);
        return 0;
    }
}
