package kr.qfeedback.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import kr.qfeedback.acceptance.SavedScenarios;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleProblem;
import kr.qfeedback.rules.RuleSetException;

/**
 * Turns what staff uploaded into a complete candidate rules folder: either a zip of the whole
 * folder, or single edited files laid over the active version (so a policy officer can upload just
 * the table they changed). Paths are checked so that nothing is written outside the folder.
 */
public final class RuleUpload {
    /** Largest total of unpacked bytes accepted, and most entries. */
    public static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

    public static final int MAX_ENTRIES = 500;

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private boolean wholeFolder;

    /** Adds an uploaded file by its name; a {@code .zip} is unpacked as the whole rules folder. */
    public RuleUpload add(String fileName, byte[] content) {
        Objects.requireNonNull(fileName, "fileName must not be null");
        Objects.requireNonNull(content, "content must not be null");
        if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            unzip(fileName, content);
            wholeFolder = true;
        } else {
            files.put(safePath(fileName, baseName(fileName)), content);
        }
        return this;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /**
     * Writes the candidate folder into {@code target} (an empty folder): the active version's files
     * first unless a whole folder was uploaded, then the uploaded files over them. A whole folder
     * without any scenario keeps the active version's saved scenarios ({@link SavedScenarios}), so
     * that uploading the folder staff keep does not silently drop what they locked in; a single
     * empty {@code .feature} file removes the saved scenario of that name.
     */
    public RuleFiles materialise(RuleFiles active, Path target) {
        try {
            if (!wholeFolder && active != null) {
                for (Map.Entry<String, byte[]> e : active.files().entrySet()) {
                    write(target, e.getKey(), e.getValue());
                }
            }
            if (wholeFolder && files.keySet().stream().noneMatch(SavedScenarios::isScenario)) {
                for (Map.Entry<String, byte[]> e : SavedScenarios.of(active).entrySet()) {
                    write(target, e.getKey(), e.getValue());
                }
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                String place = wholeFolder ? e.getKey() : placeOf(e.getKey(), active);
                if (!wholeFolder && SavedScenarios.isScenario(place) && e.getValue().length == 0) {
                    Files.deleteIfExists(target.resolve(place).normalize());
                } else {
                    write(target, place, e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The candidate rules folder could not be written to " + target + ".", e);
        }
        return RuleFiles.read(target);
    }

    /**
     * A single uploaded file replaces the active file of the same name, wherever it lives in the
     * folder; a new scenario ({@code .feature}) goes into {@value SavedScenarios#FOLDER}.
     */
    private static String placeOf(String name, RuleFiles active) {
        if (active != null && active.files().containsKey(name)) {
            return name;
        }
        List<String> sameName = active == null
                ? List.of()
                : active.files().keySet().stream()
                        .filter(p -> baseName(p).equals(baseName(name)))
                        .toList();
        if (sameName.size() == 1) {
            return sameName.get(0);
        }
        return SavedScenarios.isScenario(name) ? SavedScenarios.FOLDER + name : name;
    }

    private static void write(Path root, String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative).normalize();
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private void unzip(String zipName, byte[] content) {
        long total = 0;
        int entries = 0;
        Map<String, byte[]> unpacked = new LinkedHashMap<>();
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            // ZipInputStream reads no entry from bytes that are not a zip at all, which would look "empty".
            throw reject(zipName, "올바른 zip 파일이 아닙니다(zip 형식의 시작 표시 'PK'가 없습니다). 규칙 폴더를 zip 으로 압축해 올려 주세요.");
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (++entries > MAX_ENTRIES) {
                    throw reject(zipName, "압축 파일에 파일이 너무 많습니다(최대 " + MAX_ENTRIES + "개).");
                }
                byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_UNPACKED_BYTES) {
                    throw reject(zipName, "압축을 푼 크기가 너무 큽니다(최대 " + MAX_UNPACKED_BYTES / 1024 / 1024 + " MiB).");
                }
                unpacked.put(entry.getName().replace('\\', '/'), bytes);
            }
        } catch (ZipException e) {
            throw reject(zipName, "올바른 zip 파일이 아닙니다(" + e.getMessage() + "). 규칙 폴더를 zip 으로 압축해 올려 주세요.");
        } catch (IOException e) {
            throw reject(zipName, "zip 파일을 읽을 수 없습니다(" + e.getMessage() + ").");
        }
        if (unpacked.isEmpty()) {
            throw reject(zipName, "압축 파일이 비어 있습니다.");
        }
        String prefix = commonTopFolder(unpacked.keySet().stream().toList());
        for (Map.Entry<String, byte[]> e : unpacked.entrySet()) {
            String relative = e.getKey().substring(prefix.length());
            if (relative.startsWith("__MACOSX/") || baseName(relative).startsWith(".")) {
                continue;
            }
            files.put(safePath(zipName, relative), e.getValue());
        }
    }

    /** A single top folder (e.g. {@code rules/}) that holds everything is stripped. */
    private static String commonTopFolder(List<String> names) {
        String first = names.get(0);
        int slash = first.indexOf('/');
        if (slash <= 0) {
            return "";
        }
        String top = first.substring(0, slash + 1);
        return names.stream().allMatch(n -> n.startsWith(top)) ? top : "";
    }

    private static String safePath(String uploadName, String relative) {
        String clean = relative.replace('\\', '/');
        if (clean.isBlank()
                || clean.startsWith("/")
                || clean.contains("../")
                || clean.equals("..")
                || clean.contains(":")) {
            throw reject(uploadName, "'" + relative + "'은(는) 규칙 폴더 안의 경로가 아닙니다. 폴더 밖을 가리키는 경로는 받을 수 없습니다.");
        }
        return clean;
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static RuleSetException reject(String file, String message) {
        return new RuleSetException(List.of(RuleProblem.inFile(file, message)));
    }
}
