package kr.qfeedback.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** What the YAML parser found wrong, in its own few words, for the Korean sentence that reports it. */
final class YamlSyntax {

    private YamlSyntax() {}

    /**
     * The parser's words on one line (e.g. {@code mapping values are not allowed here}), without its
     * excerpt of the file and its position: the problem names the line already, and a multi-line
     * excerpt breaks the one-line-per-problem reports of validate and format-table.
     */
    static String problem(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblem() != null) {
                return marked.getProblem().strip();
            }
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return message.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElse(e.getClass().getSimpleName());
    }
}
