package kr.qfeedback.testing;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection written by hand, as a load balancer holds one to a backend: it
 * knows whether the server closed the connection <em>before</em> a request is written to it (then the
 * request can go elsewhere, nothing was sent), and reports everything after the request was written
 * as the answer or as a failure ({@link NotAnswered}). The JDK's client cannot tell the two apart.
 */
public final class KeepAliveConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocate(256 * 1024);
    private boolean reusable = true;

    private KeepAliveConnection(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    /** Connects to {@code 127.0.0.1:port}; an {@link IOException} means nothing was sent. */
    public static KeepAliveConnection open(int port, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open();
        Selector selector = null;
        try {
            channel.socket().setTcpNoDelay(true);
            channel.socket().connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            channel.configureBlocking(false);
            selector = Selector.open();
            return new KeepAliveConnection(channel, selector);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    /** An answer read completely: status, the headers that matter here, and the body as UTF-8 text. */
    public record Answer(int status, boolean close, String body) {}

    /** The request was written, but no complete answer came back. */
    public static final class NotAnswered extends IOException {
        NotAnswered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Whether a request may be written: the server has not closed this connection (nor sent anything
     * unasked) and the last answer did not say {@code Connection: close}.
     */
    public boolean usable() {
        if (!reusable || !channel.isOpen()) {
            return false;
        }
        try {
            in.clear();
            return channel.read(in) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes {@code request} (the whole message: request line, headers, body) and reads the answer. An
     * {@link IOException} other than {@link NotAnswered} means no byte of the request was written.
     */
    public Answer exchange(byte[] request, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer out = ByteBuffer.wrap(request);
        int first = channel.write(out); // throws (reset, broken pipe) before any byte is sent
        if (first == 0 && out.hasRemaining()) {
            throw new IOException("the connection takes no bytes");
        }
        try {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    await(SelectionKey.OP_WRITE, deadline);
                }
            }
            return readAnswer(deadline);
        } catch (IOException e) {
            reusable = false;
            throw new NotAnswered("the request was written but not answered completely: " + e, e);
        }
    }

    private Answer readAnswer(long deadline) throws IOException {
        in.clear();
        int headEnd;
        while ((headEnd = indexOf(in, "\r\n\r\n")) < 0) {
            fill(deadline, "the head of the answer (" + in.position() + " bytes so far)");
        }
        String head = new String(in.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + lines[0]);
        }
        int status = Integer.parseInt(statusLine[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = statusLine[0].equals("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close");
                default -> {}
            }
        }
        int bodyStart = headEnd + 4;
        String body;
        if (chunked) {
            body = readChunked(bodyStart, deadline);
        } else if (length >= 0) {
            while (in.position() - bodyStart < length) {
                fill(deadline, "the body (" + (in.position() - bodyStart) + " of " + length + " bytes)");
            }
            body = new String(in.array(), bodyStart, (int) length, StandardCharsets.UTF_8);
        } else {
            throw new IOException("an answer with neither Content-Length nor chunked encoding");
        }
        reusable = !close;
        if (close) {
            close();
        }
        return new Answer(status, close, body);
    }

    private String readChunked(int from, long deadline) throws IOException {
        StringBuilder body = new StringBuilder();
        int at = from;
        while (true) {
            int lineEnd;
            while ((lineEnd = indexOf(in, "\r\n", at)) < 0) {
                fill(deadline, "a chunk size");
            }
            int size = Integer.parseInt(
                    new String(in.array(), at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            int dataStart = lineEnd + 2;
            while (in.position() < dataStart + size + 2) {
                fill(deadline, "a chunk of " + size + " bytes");
            }
            if (size == 0) {
                return body.toString();
            }
            body.append(new String(in.array(), dataStart, size, StandardCharsets.UTF_8));
            at = dataStart + size + 2;
        }
    }

    private void fill(long deadline, String what) throws IOException {
        if (!in.hasRemaining()) {
            throw new IOException("the answer is larger than " + in.capacity() + " bytes");
        }
        while (true) {
            int n = channel.read(in);
            if (n < 0) {
                throw new EOFException("the server closed the connection while " + what + " was expected");
            }
            if (n > 0) {
                return;
            }
            await(SelectionKey.OP_READ, deadline);
        }
    }

    private void await(int operation, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("no answer in time");
        }
        SelectionKey key = channel.register(selector, operation);
        try {
            selector.select(Math.max(1, left / 1_000_000));
        } finally {
            key.cancel();
            selector.selectNow(); // deregisters the cancelled key
        }
    }

    private static int indexOf(ByteBuffer buffer, String text) {
        return indexOf(buffer, text, 0);
    }

    private static int indexOf(ByteBuffer buffer, String text, int from) {
        byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = buffer.array();
        for (int i = from; i <= buffer.position() - needle.length; i++) {
            int j = 0;
            while (j < needle.length && bytes[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        reusable = false;
        try {
            channel.close();
            selector.close();
        } catch (IOException e) {
            // closing a connection this client gives up: nothing more to do with it
        }
    }
}
