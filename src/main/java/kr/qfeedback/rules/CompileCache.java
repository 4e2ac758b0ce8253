package kr.qfeedback.rules;

import java.util.Optional;

/**
 * Where a compiler keeps, per rules version, what it made once and can take again instead of
 * making it anew (the DRL its tables became). An implementation hands back only bytes it wrote for
 * exactly that version and has verified; anything else is absent, and the compiler makes it again.
 */
public interface CompileCache {
    /** A cache that keeps nothing. */
    CompileCache NONE = new CompileCache() {
        @Override
        public Optional<byte[]> read(RuleFiles files, String entry) {
            return Optional.empty();
        }

        @Override
        public void write(RuleFiles files, String entry, byte[] content) {}
    };

    /** The verified content of {@code entry} for the version of {@code files}, or empty. */
    Optional<byte[]> read(RuleFiles files, String entry);

    /** Keeps {@code content} as {@code entry} of the version of {@code files}; a failure to keep it is not an error. */
    void write(RuleFiles files, String entry, byte[] content);
}
