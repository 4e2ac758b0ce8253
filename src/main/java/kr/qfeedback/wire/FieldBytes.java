package kr.qfeedback.wire;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The bytes of {@link CompactRequest}: {@link Out} writes fields without names (texts with their
 * length, dates as days since 1970, scores as the bits of their {@code double}, counts in seven-bit
 * groups), {@link In} reads them back and refuses anything that runs past its end.
 */
public final class FieldBytes {
    private FieldBytes() {}

    /** A growing array of bytes, reused from one request to the next ({@link #clear()}). */
    public static final class Out {
        private byte[] bytes = new byte[256];
        private int length;

        public Out clear() {
            length = 0;
            return this;
        }

        public byte[] bytes() {
            return bytes;
        }

        public int length() {
            return length;
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void u8(int value) {
            room(1);
            bytes[length++] = (byte) value;
        }

        void int32(int value) {
            room(4);
            bytes[length++] = (byte) (value >>> 24);
            bytes[length++] = (byte) (value >>> 16);
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
        }

        /** A length or count in seven-bit groups, low first (one byte below 128). */
        void count(int value) {
            while ((value & ~0x7F) != 0) {
                u8(value & 0x7F | 0x80);
                value >>>= 7;
            }
            u8(value);
        }

        void date(LocalDate date) {
            int32(Math.toIntExact(date.toEpochDay()));
        }

        /** Writes whether {@code value} is there ({@link In#present}); the caller then writes it when it is. */
        boolean present(Object value) {
            u8(value == null ? 0 : 1);
            return value != null;
        }

        void optionalDate(LocalDate date) {
            if (present(date)) {
                date(date);
            }
        }

        void score(double value) {
            long bits = Double.doubleToRawLongBits(value);
            int32((int) (bits >>> 32));
            int32((int) bits);
        }

        void text(String text) {
            int n = text.length();
            boolean wide = false;
            for (int i = 0; i < n && !wide; i++) {
                wide = text.charAt(i) > 0xFF;
            }
            count(n * 2 + (wide ? 1 : 0));
            room(wide ? 2 * n : n);
            for (int i = 0; i < n; i++) {
                char ch = text.charAt(i);
                if (wide) {
                    bytes[length++] = (byte) (ch >>> 8);
                }
                bytes[length++] = (byte) ch;
            }
        }

        void optionalText(String text) {
            if (present(text)) {
                text(text);
            }
        }
    }

    /** Reads what {@link Out} wrote, checking every length against the bytes there are. */
    static final class In {
        private final byte[] bytes;
        private final int to;
        private int at;

        In(byte[] bytes, int from, int to) {
            if (from < 0 || to > bytes.length || from > to) {
                throw new IllegalArgumentException("a kept request out of its bounds");
            }
            this.bytes = bytes;
            this.at = from;
            this.to = to;
        }

        private void need(long n) {
            if (n < 0 || n > to - at) {
                throw new IllegalArgumentException("a kept request cut short");
            }
        }

        int u8() {
            need(1);
            return bytes[at++] & 0xFF;
        }

        boolean present() {
            int flag = u8();
            if (flag > 1) {
                throw new IllegalArgumentException("a kept request with an unknown flag");
            }
            return flag == 1;
        }

        int int32() {
            need(4);
            int value = (bytes[at] & 0xFF) << 24
                    | (bytes[at + 1] & 0xFF) << 16
                    | (bytes[at + 2] & 0xFF) << 8
                    | bytes[at + 3] & 0xFF;
            at += 4;
            return value;
        }

        /** What {@link Out#count} wrote: at most five bytes, never negative. */
        int unsigned() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = u8();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (value < 0) {
                        throw new IllegalArgumentException("a kept request with a negative length");
                    }
                    return value;
                }
            }
            throw new IllegalArgumentException("a kept request with a length too long");
        }

        int count() {
            int n = unsigned();
            need(n); // every element takes at least one byte
            return n;
        }

        LocalDate date() {
            return LocalDate.ofEpochDay(int32());
        }

        LocalDate optionalDate() {
            return present() ? date() : null;
        }

        double score() {
            long high = int32() & 0xFFFFFFFFL;
            long low = int32() & 0xFFFFFFFFL;
            return Double.longBitsToDouble(high << 32 | low);
        }

        String text() {
            int head = unsigned();
            int n = head >>> 1;
            boolean wide = (head & 1) == 1;
            need(wide ? 2L * n : n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = wide ? (char) ((bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF) : (char) (bytes[at] & 0xFF);
                at += wide ? 2 : 1;
            }
            return new String(chars);
        }

        String optionalText() {
            return present() ? text() : null;
        }

        void end() {
            if (at != to) {
                throw new IllegalArgumentException("a kept request with bytes after its end");
            }
        }
    }
}
