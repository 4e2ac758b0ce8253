package kr.qfeedback.reference.importer;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import kr.qfeedback.reference.ReferenceDataException;

/**
 * {@code import-reference QNET OUT}: imports the Q-Net open API shapes into the reference folder,
 * with the import report; exit 1, naming the file and what is wrong, when the snapshot is not as
 * expected or the output cannot be written.
 */
public final class ImportReferenceCommand {

    private ImportReferenceCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            throw new IllegalArgumentException(
                    "usage: import-reference QNET_DIR OUT_DIR (e.g. ../shared/data/qnet rules/reference)");
        }
        Path qnet = Path.of(args.get(0));
        Path target = Path.of(args.get(1));
        ImportReport report;
        try {
            report = QnetImporter.run(qnet, target);
        } catch (ReferenceDataException e) {
            err.println("import-reference: nothing imported from " + qnet + ": " + e.getMessage()
                    + ". Give the folder of a complete Q-Net snapshot (e.g. ../shared/data/qnet).");
            return 1;
        } catch (UncheckedIOException e) {
            err.println("import-reference: " + e.getMessage() + ". Check that " + target + " is a folder you may"
                    + " write to and run the command again (a file written before the failure may be new already).");
            return 1;
        }
        out.println(report.summary());
        report.notes().forEach(out::println);
        return 0;
    }
}
