package kr.qfeedback.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectFileOutputTest {

    private static byte[] written(Path file, byte[] content, long seed) throws IOException {
        Random random = new Random(seed);
        try (OutputStream out = DirectFileOutput.open(file)) {
            int at = 0;
            while (at < content.length) {
                int n = Math.min(content.length - at, random.nextInt(3) == 0 ? 1 : random.nextInt(300_000));
                if (n == 1) {
                    out.write(content[at]);
                } else {
                    out.write(content, at, n);
                }
                at += n;
            }
        }
        return Files.readAllBytes(file);
    }

    private static byte[] content(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void bytesWrittenInPiecesOfAnySizeAreReadBackExactlyWhateverTheLengthOfTheLastBlock(@TempDir Path dir)
            throws IOException {
        int[] lengths = {
            0,
            1,
            511,
            4096,
            4097,
            DirectFileOutput.BUFFER_BYTES - 1,
            DirectFileOutput.BUFFER_BYTES,
            DirectFileOutput.BUFFER_BYTES + 1,
            3 * DirectFileOutput.BUFFER_BYTES + 12_345
        };
        for (int length : lengths) {
            byte[] content = content(length, length);
            Path file = dir.resolve("out-" + length);
            assertArrayEquals(content, written(file, content, length), "length " + length);
        }
    }

    @Test
    void aLongerFileIsReplacedNotPartlyOverwritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out");
        Files.write(file, content(1_000_000, 1));
        byte[] content = content(70_001, 2);
        assertArrayEquals(content, written(file, content, 3));
    }

    @Test
    void aRegularFileOnThisMachinesDiskIsWrittenAroundThePageCache(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out");
        try (OutputStream out = DirectFileOutput.open(file)) {
            Assumptions.assumeTrue(
                    DirectFileOutput.isDirect(out), "the temporary directory's file system has no direct I/O");
            out.write(content(10_000, 4));
            out.flush(); // whole blocks only: the partial last one waits for close
            long block = Files.getFileStore(file).getBlockSize();
            assertEquals(10_000 / block * block, Files.size(file));
        }
        assertEquals(10_000, Files.size(file));
    }

    @Test
    void aDeviceIsWrittenAsAnOrdinaryStream() throws IOException {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull), "needs /dev/null");
        try (OutputStream out = DirectFileOutput.open(devNull)) {
            assertFalse(DirectFileOutput.isDirect(out));
            out.write(content(100_000, 5));
        }
    }

    @Test
    void writingAfterCloseIsAnError(@TempDir Path dir) throws IOException {
        OutputStream out = DirectFileOutput.open(dir.resolve("out"));
        out.close();
        out.close();
        assertThrows(IOException.class, () -> out.write(1));
    }
}
