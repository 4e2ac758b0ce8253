package kr.qfeedback.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.qfeedback.rules.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenarios staff saved into a rules version ({@value #FOLDER} in the rules folder, put there from
 * the console's preview): every {@code .feature} file of the version. They are part of the version,
 * so they are hashed, stored, replicated and audited with it, and every publish of a later version
 * that still holds them must pass them.
 */
public final class SavedScenarios {
    /** Where saved scenarios live inside a rules version. */
    public static final String FOLDER = "시나리오/";

    public static final String SUFFIX = ".feature";
    private static final int MAX_FILE_NAME = 60;
    private static final Logger LOG = LoggerFactory.getLogger(SavedScenarios.class);

    private SavedScenarios() {}

    /** Whether a path of a rules version is a saved scenario. */
    public static boolean isScenario(String relativePath) {
        return relativePath.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    /** The saved scenarios of a version, by their path in the rules folder; none for null. */
    public static Map<String, byte[]> of(RuleFiles version) {
        Map<String, byte[]> saved = new TreeMap<>();
        if (version != null) {
            version.files().forEach((path, bytes) -> {
                if (isScenario(path)) {
                    saved.put(path, bytes);
                }
            });
        }
        return saved;
    }

    /**
     * The path a scenario named {@code name} is saved under: {@value #FOLDER} and the name with
     * everything but letters and digits turned into {@code _}.
     */
    public static String pathFor(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                safe.appendCodePoint(c);
            } else if (safe.length() > 0 && safe.charAt(safe.length() - 1) != '_') {
                safe.append('_');
            }
        });
        String base = safe.toString().replaceAll("_+$", "");
        if (base.codePointCount(0, base.length()) > MAX_FILE_NAME) {
            base = base.substring(0, base.offsetByCodePoints(0, MAX_FILE_NAME));
        }
        return FOLDER + (base.isEmpty() ? "시나리오" : base) + SUFFIX;
    }

    /** Writes the scenarios under {@code root}/rules/, as they sit in the rules folder; returns that folder. */
    static Path writeUnder(Path root, Map<String, byte[]> scenarios) {
        Path rules = root.resolve("rules");
        try {
            for (Map.Entry<String, byte[]> e : scenarios.entrySet()) {
                Path file = rules.resolve(e.getKey()).normalize();
                if (!file.startsWith(rules)) {
                    throw new IllegalArgumentException(
                            "A saved scenario's path leaves the rules folder: " + e.getKey());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The saved scenarios could not be written under " + root + ".", e);
        }
        return rules;
    }

    static void remove(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not remove {} after running saved scenarios: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove {} after running saved scenarios: {}", root, e.getMessage());
        }
    }
}
