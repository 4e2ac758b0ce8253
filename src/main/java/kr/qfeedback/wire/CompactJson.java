package kr.qfeedback.wire;

/**
 * A JSON text without the whitespace between its tokens, so without a raw line break (one inside a
 * string, which JSON forbids, is written as its escape): the same value, read by any JSON reader, on
 * one line. One pass, no parsing.
 */
final class CompactJson {
    private CompactJson() {}

    /** The most bytes {@link #into} writes for {@code json}. */
    static int maxLength(byte[] json) {
        return json.length * 2;
    }

    /** Writes {@code json} compacted into {@code out} (at least {@link #maxLength} long); returns how many bytes. */
    static int into(byte[] json, byte[] out) {
        int length = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (inString) {
                if (b == '\n' || b == '\r') {
                    out[length++] = '\\';
                    b = (byte) (b == '\n' ? 'n' : 'r');
                } else if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            } else if (b == '"') {
                inString = true;
            }
            out[length++] = b;
        }
        return length;
    }
}
