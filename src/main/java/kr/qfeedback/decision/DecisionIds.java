package kr.qfeedback.decision;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opaque, unique decision ids in UUID form without a {@link SecureRandom} draw per decision: a
 * random per-process prefix (drawn once) and a counter. Ids from one process never repeat; ids
 * from two processes collide only if their random 60-bit prefixes do.
 */
final class DecisionIds {
    private static final long VERSION_MASK = 0xFFFFFFFFFFFF0FFFL;
    private static final long VERSION_4 = 0x0000000000004000L;
    private static final long VARIANT_MASK = 0x3FFFFFFFFFFFFFFFL;
    private static final long VARIANT_IETF = 0x8000000000000000L;

    private final long prefix;
    private final AtomicLong counter;

    DecisionIds() {
        SecureRandom random = new SecureRandom();
        this.prefix = (random.nextLong() & VERSION_MASK) | VERSION_4;
        this.counter = new AtomicLong(random.nextLong());
    }

    String next() {
        return new UUID(prefix, (counter.getAndIncrement() & VARIANT_MASK) | VARIANT_IETF).toString();
    }
}
