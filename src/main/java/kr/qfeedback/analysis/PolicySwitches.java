package kr.qfeedback.analysis;

import java.lang.reflect.RecordComponent;
import java.util.List;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.SectionChoice;
import kr.qfeedback.rules.model.PolicyParameters;

/**
 * The on/off switches of the policy parameters, tried one at a time to tell a dead row from one
 * that only waits for a switch to be turned on.
 */
final class PolicySwitches {

    private PolicySwitches() {}

    /**
     * The switch of the policy parameters (a boolean that is off) that, turned on, lets some group
     * reach a row no group reached; null when none does. Only rows that need a judgement fact are
     * asked, since only those can wait on a switch.
     */
    static String thatReaches(DeadRow row, List<ProfileGroup> groups, RuleSet rules) {
        PolicyParameters policy = rules.parameters().toFact();
        RecordComponent[] components = PolicyParameters.class.getRecordComponents();
        for (int s = 0; s < components.length; s++) {
            if (components[s].getType() != boolean.class || (boolean) read(components[s], policy)) {
                continue;
            }
            PolicyParameters on = withSwitchOn(policy, components, s);
            for (ProfileGroup group : groups) {
                for (SectionChoice choice : rules.evaluateAll(group.example, on)) {
                    if (choice.decidedBy().source().equals(row.row().source())) {
                        return components[s].getName();
                    }
                }
            }
        }
        return null;
    }

    private static Object read(RecordComponent component, PolicyParameters policy) {
        try {
            return component.getAccessor().invoke(policy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PolicyParameters." + component.getName() + " could not be read.", e);
        }
    }

    private static PolicyParameters withSwitchOn(PolicyParameters policy, RecordComponent[] components, int index) {
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = i == index ? Boolean.TRUE : read(components[i], policy);
            types[i] = components[i].getType();
        }
        try {
            return PolicyParameters.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "PolicyParameters could not be made with " + components[index].getName() + " on.", e);
        }
    }
}
