package kr.qfeedback.feedback;

import java.util.function.Function;

/**
 * The form one writer makes of an immutable value (its encoding), made the first time it is asked
 * for and kept with the value. Safe to share between threads: two threads that ask at once may both
 * make it, and make equal forms. Every caller must pass the same maker (there is one writer, the
 * decision JSON).
 */
final class KeptForm {
    private volatile Object form;

    @SuppressWarnings("unchecked")
    <O, T> T of(O owner, Function<? super O, T> maker) {
        Object known = form;
        if (known == null) {
            known = maker.apply(owner);
            form = known;
        }
        return (T) known;
    }
}
