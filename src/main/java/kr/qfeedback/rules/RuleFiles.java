package kr.qfeedback.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule files of one version, read once from a folder: relative path → content, and the
 * version's identity, the SHA-256 of every path and byte ({@link #fullHash()}), shown by its first
 * 12 hex digits ({@link #version()}). Reading once means a version never mixes files from before and
 * after an edit.
 */
public final class RuleFiles {
    /** How staff name the folder in messages and traces, whatever its path on disk. */
    public static final String DISPLAY_ROOT = "rules/";

    private static final int VERSION_HEX_LENGTH = 12;

    private final Path root;
    private final Map<String, byte[]> files;
    private final String fullHash;
    private final String version;

    private RuleFiles(Path root, Map<String, byte[]> files) {
        this.root = root;
        this.files = Collections.unmodifiableMap(files);
        this.fullHash = hash(files);
        this.version = fullHash.substring(0, VERSION_HEX_LENGTH);
    }

    public static RuleFiles read(Path root) {
        Objects.requireNonNull(root, "root must not be null");
        if (!Files.isDirectory(root)) {
            throw new RuleSetException(List.of(RuleProblem.inFile(
                    root.toString(), "규칙 폴더가 없습니다. 규칙 파일이 있는 폴더를 지정해 주세요(명령에는 그 폴더를, 서비스에는 QF_RULES_DIR 에).")));
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.") || rel.startsWith("~$") || rel.contains("/~$")) {
                    continue;
                }
                files.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The rules folder " + root + " could not be read.", e);
        }
        return new RuleFiles(root, files);
    }

    public Path root() {
        return root;
    }

    /** The version id: the first 12 hex digits of {@link #fullHash()}, for display and in every API answer. */
    public String version() {
        return version;
    }

    /** The version's identity: the hex SHA-256 of every path, length and byte, in path order. */
    public String fullHash() {
        return fullHash;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public List<String> pathsEndingWith(String suffix) {
        return files.keySet().stream().filter(p -> p.endsWith(suffix)).collect(Collectors.toList());
    }

    public static String display(String relativePath) {
        return DISPLAY_ROOT + relativePath;
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(e.getValue().length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform but is missing.", e);
        }
    }
}
