package kr.qfeedback.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineCountTest {

    private static long byteByByte(byte[] bytes, int length) {
        long count = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    @Test
    void newlinesAreCountedExactlyAmongAnyBytesAtAnyLength() {
        Random random = new Random(11);
        // bytes near the newline and with the high bit set (UTF-8 Korean) are the ones a word-at-a-time count could
        // miscount
        byte[] alphabet = {
            '\n',
            '\n',
            0x0B,
            0x09,
            0x00,
            0x01,
            (byte) 0x8A,
            (byte) 0x0A ^ (byte) 0x80,
            (byte) 0xEC,
            (byte) 0xFF,
            '{',
            'a'
        };
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(200)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] =
                        random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            assertEquals(byteByByte(bytes, length), LineCount.newlines(bytes, length), "round " + round);
        }
    }

    @Test
    void aFileIsCountedAcrossItsBlocksWithOrWithoutAFinalLineEnd(@TempDir Path dir) throws IOException {
        Random random = new Random(12);
        byte[] bytes = new byte[3 * (1 << 20) + 13];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(50) == 0 ? (byte) '\n' : (byte) ('a' + random.nextInt(26));
        }
        bytes[bytes.length - 1] = 'x';
        Path file = dir.resolve("in");
        Files.write(file, bytes);
        assertEquals(byteByByte(bytes, bytes.length) + 1, LineCount.of(file));
        bytes[bytes.length - 1] = '\n';
        Files.write(file, bytes);
        assertEquals(byteByByte(bytes, bytes.length), LineCount.of(file));
        assertEquals(-1, LineCount.of(dir));
    }
}
