package kr.qfeedback.console;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * QR codes of the links a previewed page shows, drawn by ZXing and written as a small SVG (one
 * path, one unit per module, a quiet zone of 2 modules). Only absolute http(s) URLs of bounded
 * length are encoded: the console shows links, nothing else.
 */
public final class QrSvg {
    /** The longest text encoded; longer links are refused rather than drawn as an unreadable code. */
    public static final int MAX_TEXT_LENGTH = 512;

    private static final int QUIET_ZONE = 2;

    private QrSvg() {}

    /** Why {@code text} cannot become a QR code here, or {@code null} when it can. */
    public static String rejection(String text) {
        if (text == null || text.isBlank()) {
            return "text is required: the http(s) URL to encode, e.g. ?text=https%3A%2F%2Fwww.q-net.or.kr%2F";
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return "text is " + text.length() + " characters long; at most " + MAX_TEXT_LENGTH + " are encoded.";
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i)) || Character.isWhitespace(text.charAt(i))) {
                return "text must be a URL without spaces or control characters.";
            }
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "text must be an absolute http:// or https:// URL.";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "text must be an absolute http(s) URL with a host name.";
            }
        } catch (URISyntaxException e) {
            return "text is not a valid URL: " + e.getReason() + ".";
        }
        return null;
    }

    /** The QR code of {@code text} as an SVG document; call {@link #rejection} first. */
    public static String svg(String text) {
        String problem = rejection(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text cannot be encoded as a QR code: " + e.getMessage(), e);
        }
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder(width * height);
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < width && matrix.get(x + run, y)) {
                    run++;
                }
                path.append('M')
                        .append(x)
                        .append(' ')
                        .append(y)
                        .append('h')
                        .append(run)
                        .append("v1h-")
                        .append(run)
                        .append('z');
                x += run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" width=\"" + width * 4 + "\" height=\"" + height * 4 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
