package kr.qfeedback.wire;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * The one adapter that reaches into Vert.x internals: a request body's bytes where they already
 * are (the array behind the buffer), so that the one-pass reader does not copy them; a copy when
 * there is no such array.
 */
final class BufferBytes {
    private BufferBytes() {}

    /** A cursor over {@code body}'s readable bytes. */
    static StrictJsonCursor cursorOver(Buffer body) {
        if (body instanceof BufferInternal internal) {
            ByteBuf bytes = internal.unwrap();
            if (bytes.hasArray()) {
                int from = bytes.arrayOffset() + bytes.readerIndex();
                return new StrictJsonCursor(bytes.array(), from, from + bytes.readableBytes());
            }
        }
        return new StrictJsonCursor(body.getBytes());
    }
}
