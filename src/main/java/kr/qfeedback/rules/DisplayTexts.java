package kr.qfeedback.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What staff write is shown as it is on the candidate's page: texts (titles, bodies, link names,
 * notices, terms) must be plain, and links must be https to a host of {@code 링크 허용 호스트}.
 * Each check answers the Korean reason, or empty when the text is fine.
 */
final class DisplayTexts {
    /** Tags, HTML entities, script URLs and Markdown links or images: what a page could render as markup. */
    private static final Pattern MARKUP = Pattern.compile(
            "[<>]|&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|(?i:javascript|vbscript)\\s*:|\\]\\(");

    static final String PLAIN_RULE = "제목·본문·링크 이름·안내·용어에는 일반 글자만 씁니다. 꺾쇠(< >), HTML 엔티티(&amp; 같은 것),"
            + " javascript:, 마크다운 링크·그림([글](주소))은 쓸 수 없습니다(rules/README.md 의 '화면에 그대로 나가는 글').";

    private DisplayTexts() {}

    /** Why {@code text} is not plain text, or empty when it is. */
    static Optional<String> markupIn(String text) {
        Matcher m = MARKUP.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of("화면에 그대로 쓸 수 없는 표시 '" + m.group() + "'이(가) 있습니다. " + PLAIN_RULE);
    }

    /** Why {@code url} may not be a link, or empty when it may; {@code hosts} null skips the host check. */
    static Optional<String> linkProblem(String url, Set<String> hosts) {
        if (!url.startsWith("https://")) {
            return Optional.of("주소 '" + url + "'은(는) https:// 로 시작해야 합니다(http:// 나 다른 방식은 쓸 수 없습니다).");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("주소 '" + url + "'은(는) 올바른 주소가 아닙니다(띄어쓰기, 따옴표, 꺾쇠, 중괄호는 쓸 수 없습니다).");
        }
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || uri.getPort() != -1) {
            return Optional.of("주소 '" + url + "'에는 https://호스트/경로 만 씁니다(사용자 이름·@·포트 번호 없이).");
        }
        if (hosts != null && !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.of("주소 '" + url + "'의 호스트 '" + host + "'은(는) parameters.yaml 의 '" + LinkHosts.NAME
                    + "'에 없습니다. 쓸 수 있는 호스트: " + String.join(", ", hosts)
                    + ". 새 기관의 주소라면 먼저 그 목록에 더해 주세요.");
        }
        return Optional.empty();
    }
}
