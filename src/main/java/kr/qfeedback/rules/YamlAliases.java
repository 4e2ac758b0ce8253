package kr.qfeedback.rules;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Optional;

/**
 * Staff-edited YAML holds plain values: no anchors ({@code &name}) and aliases ({@code *name}),
 * the stuff of alias bombs ("billion laughs"). Jackson does not expand aliases (it reads one as
 * the text of its name), so a bomb cannot fill the memory, but a value silently replaced by a
 * name is refused with a clear message instead.
 */
final class YamlAliases {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlAliases() {}

    /** The Korean problem at the first anchor or alias of {@code text}, if any (malformed YAML is left to the reader). */
    static Optional<RuleProblem> firstIn(String path, String text) {
        try (YAMLParser parser = FACTORY.createParser(text)) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                boolean alias = parser.isCurrentAlias();
                if (alias || parser.getCurrentAnchor() != null) {
                    String name = alias ? parser.getText() : parser.getCurrentAnchor();
                    return Optional.of(RuleProblem.atLine(
                            path,
                            parser.currentLocation().getLineNr(),
                            "YAML 앵커(&" + name + ")와 별칭(*" + name + ")은 쓸 수 없습니다. 값을 이름 없이 그대로 적어 주세요"
                                    + "(같은 값이 여러 번 필요하면 여러 번 적습니다)."));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not well-formed: the reader reports it at its line.
        }
        return Optional.empty();
    }
}
