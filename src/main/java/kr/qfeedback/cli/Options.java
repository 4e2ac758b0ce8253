package kr.qfeedback.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs of the batch and cohort commands. */
public final class Options {

    private Options() {}

    /**
     * @throws IllegalArgumentException naming the option and showing {@code usage} when an option
     *                                  is unknown, repeated, missing its value, or required and absent
     */
    public static Map<String, String> parse(
            List<String> args, List<String> required, List<String> optional, String usage) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!required.contains(name) && !optional.contains(name)) {
                throw new IllegalArgumentException("Unknown option '" + name + "'. " + usage);
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new IllegalArgumentException("Option " + name + " needs a value. " + usage);
            }
            if (values.put(name, args.get(i + 1)) != null) {
                throw new IllegalArgumentException("Option " + name + " is given twice. " + usage);
            }
        }
        for (String name : required) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Option " + name + " is required. " + usage);
            }
        }
        return values;
    }

    public static int positiveInt(String value, String name) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, not '" + value + "'.");
    }
}
