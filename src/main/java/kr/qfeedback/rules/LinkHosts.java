package kr.qfeedback.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code 링크 허용 호스트} of {@code parameters.yaml}: the host names the links of
 * {@code messages.yaml} may point to (each exactly: {@code www.q-net.or.kr} does not allow
 * {@code q-net.or.kr} or {@code m.q-net.or.kr}).
 */
final class LinkHosts {
    static final String NAME = "링크 허용 호스트";
    private static final Pattern HOST =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private LinkHosts() {}

    /** The allowed hosts, lower case; problems found are added to {@code problems}, located in {@code path}. */
    static Set<String> read(JsonNode root, String path, YamlKeyLines lines, List<RuleProblem> problems) {
        Set<String> hosts = new TreeSet<>();
        JsonNode list = root.get(NAME);
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(RuleProblem.atLine(
                    path,
                    lines.anyLineOf(NAME),
                    "'" + NAME + "' 목록이 없거나 비어 있습니다. 문구의 링크가 가리킬 수 있는 호스트를 적어 주세요." + " 예: " + NAME
                            + ": [www.q-net.or.kr, www.work24.go.kr]"));
            return hosts;
        }
        for (JsonNode item : list) {
            String host = item.asText("").strip().toLowerCase(Locale.ROOT);
            if (!item.isTextual() || !HOST.matcher(host).matches()) {
                problems.add(RuleProblem.atLine(
                        path,
                        lines.anyLineOf(NAME),
                        "'" + NAME + "'의 '" + item.asText("") + "'은(는) 호스트 이름이 아닙니다. https:// 나 경로 없이"
                                + " www.q-net.or.kr 처럼 호스트 이름만 적어 주세요."));
            } else {
                hosts.add(host);
            }
        }
        return hosts;
    }
}
