package kr.qfeedback.lifecycle;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses enum names with an error that lists what is accepted. */
final class Enums {
    private Enums() {}

    /** The constant named {@code name}; {@code what} names the value in the error. */
    static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("the " + what + " '" + name + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
