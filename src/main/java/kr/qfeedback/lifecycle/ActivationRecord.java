package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Which version is active ({@code active.json}) and every activation so far ({@code activations.jsonl}). */
final class ActivationRecord {
    static final String ACTIVE_JSON = "active.json";
    static final String ACTIVATIONS_JSONL = "activations.jsonl";

    private final Path activeFile;
    private final Path historyFile;

    ActivationRecord(Path dataDir) {
        this.activeFile = dataDir.resolve(ACTIVE_JSON);
        this.historyFile = dataDir.resolve(ACTIVATIONS_JSONL);
    }

    /** The activation in force, if any version was ever activated. */
    Optional<Activation> current() {
        if (!Files.exists(activeFile)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(activeFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VersionStoreException(
                    "The active-version file " + activeFile + " could not be read: " + e.getMessage()
                            + ". Check its permissions.",
                    e);
        }
        try {
            return Optional.of(VersionJson.activation(Json.parse(text)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new VersionStoreException(
                    "The active-version file " + activeFile + " is damaged ("
                            + e.getMessage()
                            + "). Re-activate a version with POST /v1/rules/rollback, or delete the file"
                            + " so that the service activates its rules folder at start-up.",
                    e);
        }
    }

    /** Appends the activation to the history, then makes it the current one, both durably. */
    Activation record(Activation activation) {
        String line = Json.compact(VersionJson.toJson(activation)) + "\n";
        String active = Json.pretty(VersionJson.toJson(activation));
        try {
            LockedFile.exclusively(historyFile, channel -> {
                LockedFile.append(channel, line);
                DurableFiles.replace(activeFile, active);
                return null;
            });
        } catch (IOException e) {
            throw new VersionStoreException(
                    "Version " + activation.version() + " could not be activated: writing "
                            + activeFile + " or " + historyFile + " failed (" + e.getMessage()
                            + "). Check free space and permissions of QF_DATA_DIR, then try again.",
                    e);
        }
        return activation;
    }

    /** Every activation, newest first. */
    List<Activation> history() {
        if (!Files.exists(historyFile)) {
            return List.of();
        }
        String text;
        try {
            text = LockedFile.shared(historyFile, LockedFile::readAll);
        } catch (IOException e) {
            throw new VersionStoreException(
                    "The activation history " + historyFile + " could not be read: " + e.getMessage()
                            + ". Check its permissions.",
                    e);
        }
        List<Activation> history = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                continue;
            }
            try {
                history.add(VersionJson.activation(Json.parse(lines[i])));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new VersionStoreException(
                        "Line " + (i + 1) + " of the activation history " + historyFile
                                + " is damaged (" + e.getMessage() + "). Repair or remove that line; the audit log"
                                + " (audit.jsonl) holds the same events.",
                        e);
            }
        }
        Collections.reverse(history);
        return history;
    }
}
