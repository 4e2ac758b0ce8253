package kr.qfeedback.rules;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * How many bytes a text takes in EUC-KR, the encoding Korean SMS and LMS limits are counted in:
 * one per ASCII character, two per other character (KS X 1001; a character outside it, which a
 * sending system would send as CP949's two bytes, is also counted two).
 */
public final class EucKrBytes {
    private static final Charset EUC_KR = Charset.forName("EUC-KR");

    private EucKrBytes() {}

    public static int of(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            bytes += text.charAt(i) < 0x80 ? 1 : 2;
        }
        return bytes;
    }

    /** The first character of {@code text} that EUC-KR cannot encode, or -1 when every one can. */
    public static int firstUnencodable(String text) {
        CharsetEncoder encoder = EUC_KR.newEncoder();
        for (int i = 0; i < text.length(); i++) {
            if (!encoder.canEncode(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
