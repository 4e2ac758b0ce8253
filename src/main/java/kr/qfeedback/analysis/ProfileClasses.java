package kr.qfeedback.analysis;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.qfeedback.rules.model.Profile;
import org.mvel2.MVEL;

/**
 * Groups profiles the rules cannot tell apart. Each field value gets a class: the value itself
 * for an exact field, otherwise its null-ness and its result on every single-field test the rules
 * apply to that field (see {@link RuleReads}). A profile's key is its classes, field by field;
 * profiles with equal keys satisfy exactly the same constraints, so they fire the same rules and
 * get the same sections. A test that fails to run on any value makes its field exact.
 */
final class ProfileClasses {
    private static final RecordComponent[] COMPONENTS = Profile.class.getRecordComponents();
    private static final Method[] ACCESSORS =
            Arrays.stream(COMPONENTS).map(RecordComponent::getAccessor).toArray(Method[]::new);
    private static final Constructor<Profile> CONSTRUCTOR = constructor();
    /** Direct accessors in record order (much faster than reflection over half a million profiles). */
    private static final List<Function<Profile, Object>> GETTERS = List.of(
            Profile::outcome,
            Profile::stage,
            Profile::result,
            Profile::grade,
            Profile::qualificationKnown,
            Profile::scored,
            Profile::subjectsScored,
            Profile::totalScore,
            Profile::lowestSubjectScore,
            Profile::belowSubjectMinimum,
            Profile::scoreMeetsCriterion,
            Profile::stageStatisticsKnown,
            Profile::nextStageStatisticsKnown,
            Profile::sameStageScheduleKnown,
            Profile::nextStageScheduleKnown,
            Profile::writtenPassKnown,
            Profile::exemptionDaysRemaining,
            Profile::exemptionRounds,
            Profile::age,
            Profile::documents,
            Profile::surveyEnded);

    private static final List<String> GETTER_NAMES = List.of(
            "outcome",
            "stage",
            "result",
            "grade",
            "qualificationKnown",
            "scored",
            "subjectsScored",
            "totalScore",
            "lowestSubjectScore",
            "belowSubjectMinimum",
            "scoreMeetsCriterion",
            "stageStatisticsKnown",
            "nextStageStatisticsKnown",
            "sameStageScheduleKnown",
            "nextStageScheduleKnown",
            "writtenPassKnown",
            "exemptionDaysRemaining",
            "exemptionRounds",
            "age",
            "documents",
            "surveyEnded");
    /** False if Profile's fields changed since the list above was written: then reflection is used. */
    private static final boolean DIRECT = GETTER_NAMES.equals(
            Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList());

    private final List<Map<Object, Integer>> ids = new ArrayList<>();
    private final int[] classCounts;

    ProfileClasses(RuleReads reads, Map<String, List<Object>> candidates, Profile template) {
        classCounts = new int[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            String field = COMPONENTS[i].getName();
            List<Object> values = candidates.getOrDefault(field, List.of());
            Map<Object, Integer> byValue = reads.exact(field) ? null : grouped(i, values, reads.tests(field), template);
            if (byValue == null) {
                byValue = new HashMap<>();
                for (Object v : values) {
                    byValue.putIfAbsent(v, byValue.size());
                }
            }
            ids.add(byValue);
            classCounts[i] = (int) byValue.values().stream().distinct().count();
        }
    }

    /** The key of a profile's group. */
    Key key(Profile profile) {
        Object[] values = values(profile);
        int[] key = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            Map<Object, Integer> byValue = ids.get(i);
            Integer id = byValue.get(values[i]);
            if (id == null) {
                // A value outside the candidates: its own class, which never merges it with another.
                id = 1_000_000 + byValue.size();
                byValue.put(values[i], id);
            }
            key[i] = id;
        }
        return new Key(key);
    }

    /** The class of a candidate value of a field (by name), or the value itself when the field has none. */
    Object classOf(String field, Object value) {
        for (int i = 0; i < COMPONENTS.length; i++) {
            if (COMPONENTS[i].getName().equals(field)) {
                Integer id = ids.get(i).get(value);
                return id == null ? java.util.Objects.requireNonNullElse(value, "null") : id;
            }
        }
        throw new IllegalArgumentException("Profile has no field " + field);
    }

    /** How many classes each field's candidate values fall into, by field name. */
    Map<String, Integer> classCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < COMPONENTS.length; i++) {
            counts.put(COMPONENTS[i].getName(), classCounts[i]);
        }
        return counts;
    }

    /** The profile's field values in record order. */
    static Object[] values(Profile profile) {
        Object[] values = new Object[ACCESSORS.length];
        if (DIRECT) {
            for (int i = 0; i < values.length; i++) {
                values[i] = GETTERS.get(i).apply(profile);
            }
            return values;
        }
        try {
            for (int i = 0; i < ACCESSORS.length; i++) {
                values[i] = ACCESSORS[i].invoke(profile);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("A Profile accessor could not be called.", e);
        }
        return values;
    }

    /** Values grouped by null-ness and test results, or null when a test cannot run (the field stays exact). */
    private static Map<Object, Integer> grouped(
            int field, List<Object> values, List<RuleReads.Test> tests, Profile template) {
        Map<List<Object>, Integer> classes = new HashMap<>();
        Map<Object, Integer> byValue = new HashMap<>();
        for (Object value : values) {
            Profile probe = with(template, field, value);
            List<Object> signature = new ArrayList<>();
            signature.add(value == null);
            for (RuleReads.Test test : tests) {
                try {
                    signature.add(MVEL.executeExpression(test.compiled(), probe, new HashMap<>(test.variables())));
                } catch (RuntimeException e) {
                    return null;
                }
            }
            Integer id = classes.computeIfAbsent(signature, s -> classes.size());
            byValue.put(value, id);
        }
        return byValue;
    }

    private static Profile with(Profile template, int field, Object value) {
        Object[] args = values(template);
        args[field] = value;
        try {
            return CONSTRUCTOR.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A Profile could not be built for field " + COMPONENTS[field].getName(), e);
        }
    }

    private static Constructor<Profile> constructor() {
        try {
            return Profile.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Profile has no canonical constructor.", e);
        }
    }

    /** Classes of a profile, field by field. */
    static final class Key {
        private final int[] ids;
        private final int hash;

        Key(int[] ids) {
            this.ids = ids;
            this.hash = Arrays.hashCode(ids);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(ids, other.ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
