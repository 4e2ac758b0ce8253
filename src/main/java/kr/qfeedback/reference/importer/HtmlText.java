package kr.qfeedback.reference.importer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text out of the HTML fragments Q-Net's texts are typed in: comments, leading CSS rules and
 * tags removed, character entities decoded, whitespace collapsed.
 */
final class HtmlText {
    private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|$)", Pattern.DOTALL);
    private static final Pattern LEADING_CSS =
            Pattern.compile("^\\s*(?:[A-Za-z][A-Za-z0-9_\\-.#:, \\t]*\\{[^{}]*}\\s*)+");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
    static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("amp", "&"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("middot", "·"),
            Map.entry("bull", "•"),
            Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"),
            Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"),
            Map.entry("rarr", "→"),
            Map.entry("larr", "←"),
            Map.entry("sdot", "⋅"),
            Map.entry("hellip", "…"),
            Map.entry("ndash", "–"),
            Map.entry("mdash", "—"),
            Map.entry("times", "×"),
            Map.entry("laquo", "«"),
            Map.entry("raquo", "»"));

    private HtmlText() {}

    /**
     * The text as plain text: HTML comments, the leading CSS rules ("BODY {…}P {…}") and tags
     * removed, entities (&amp;#9312; &amp;lt; &amp;middot; …) decoded, whitespace collapsed.
     */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = COMMENT.matcher(html).replaceAll(" ");
        text = LEADING_CSS.matcher(text).replaceFirst("");
        text = TAG.matcher(text).replaceAll(" ");
        text = decodeEntities(text);
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }

    static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(name.substring(2), 16), m.group());
            } else if (name.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(name.substring(1)), m.group());
            } else {
                replacement = NAMED_ENTITIES.getOrDefault(name, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : original;
    }
}
