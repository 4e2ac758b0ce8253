package kr.qfeedback.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kr.qfeedback.rules.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a version's files and its {@code version.json} durably into a temporary folder, which the
 * store then renames into place; a folder that could not be finished is removed.
 */
final class VersionFiles {
    private static final Logger LOG = LoggerFactory.getLogger(VersionStore.class);

    private VersionFiles() {}

    static void writeInto(Path temp, Path versionsDir, RuleFiles files, StoredVersion version) {
        Path filesDir = temp.resolve(VersionStore.FILES).normalize();
        try {
            Files.createDirectories(filesDir);
            for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
                Path target = filesDir.resolve(file.getKey()).normalize();
                if (!target.startsWith(filesDir) || target.equals(filesDir)) {
                    throw new VersionStoreException("The rule file path '" + file.getKey()
                            + "' points outside the rules folder; rename the file and publish again.");
                }
                DurableFiles.write(target, file.getValue());
            }
            DurableFiles.write(
                    temp.resolve(VersionStore.VERSION_JSON),
                    Json.pretty(VersionJson.toJson(version)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VersionStoreException(
                    "Version " + version.id() + " could not be written to " + versionsDir + " (" + e.getMessage()
                            + "). Check free space and permissions of QF_DATA_DIR; nothing was stored.",
                    e);
        }
    }

    static void discard(Path temp) {
        try {
            DurableFiles.deleteTree(temp);
        } catch (IOException e) {
            LOG.warn(
                    "The temporary folder {} could not be removed ({}); it holds no version and may be deleted by hand.",
                    temp,
                    e.toString());
        }
    }
}
