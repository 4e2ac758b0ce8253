package kr.qfeedback.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README stays a newcomer's page: short, and its Layout names every package the tree has. */
class ReadmeLayoutTest {
    private static final Path README = Path.of("README.md");
    private static final Path SOURCES = Path.of("src/main/java/kr/qfeedback");

    private static String layout() throws IOException {
        String text = Files.readString(README);
        int at = text.indexOf("\n## Layout");
        assertTrue(at >= 0, "README has a Layout section");
        int end = text.indexOf("\n## ", at + 1);
        return end < 0 ? text.substring(at) : text.substring(at, end);
    }

    @Test
    void theLayoutNamesEveryPackageOfTheTreeAndNoOther() throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            walk.filter(Files::isDirectory)
                    .filter(d -> !d.equals(SOURCES))
                    .forEach(d -> packages.add(SOURCES.relativize(d).toString().replace('\\', '/') + "/"));
        }
        String layout = layout();
        TreeSet<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w/.])([a-z]+(?:/[a-z]+)*/)").matcher(layout);
        while (m.find()) {
            named.add(m.group(1));
        }
        TreeSet<String> missing = new TreeSet<>(packages);
        missing.removeAll(named);
        assertEquals(new TreeSet<>(), missing, "packages the Layout does not name");
        List<String> topLevelNamed = layout.lines()
                .filter(l -> l.matches("^  [a-z]+/\\s.*"))
                .map(l -> l.strip().split("/")[0] + "/")
                .toList();
        TreeSet<String> stale = new TreeSet<>(topLevelNamed);
        stale.removeAll(packages);
        assertEquals(new TreeSet<>(), stale, "packages the Layout names but the tree lacks");
    }

    @Test
    void theReadmeStaysShort() throws IOException {
        long lines = Files.readAllLines(README).size();
        assertTrue(lines <= 250, "README has " + lines + " lines; move detail to docs/");
    }
}
