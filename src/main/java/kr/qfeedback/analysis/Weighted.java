package kr.qfeedback.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A value of a profile field standing for {@code weight} values the rules cannot tell apart. */
record Weighted<T>(T value, int weight) {

    /** Values in their order, one per class (the first of it) with the size of its class; all of them without classes. */
    static <T> List<Weighted<T>> of(List<T> values, Function<T, Object> classOf) {
        Map<Object, Integer> index = new HashMap<>();
        List<T> firsts = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (T v : values) {
            Object c = classOf.apply(v);
            if (c == null) {
                firsts.add(v);
                weights.add(1);
                continue;
            }
            Integer at = index.get(c);
            if (at == null) {
                index.put(c, firsts.size());
                firsts.add(v);
                weights.add(1);
            } else {
                weights.set(at, weights.get(at) + 1);
            }
        }
        List<Weighted<T>> out = new ArrayList<>(firsts.size());
        for (int i = 0; i < firsts.size(); i++) {
            out.add(new Weighted<>(firsts.get(i), weights.get(i)));
        }
        return out;
    }
}
