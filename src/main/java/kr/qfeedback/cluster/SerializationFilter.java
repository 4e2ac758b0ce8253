package kr.qfeedback.cluster;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;

/**
 * Which classes a member may rebuild by Java deserialisation from what another member sent; anything
 * else is refused by name before any of its code runs (a deserialisation gadget never gets to run).
 *
 * <p>What the maps and the topic hold ({@code String}, {@code byte[]}) Hazelcast writes with its own
 * serialisers, not Java serialisation. Java serialisation carries only the project's entry processor
 * (its {@code byte[]} of records) and the exceptions one member's operation answers another with, so
 * the list is: the project's own classes, {@code byte[]}, Hazelcast's classes (its exceptions), and the
 * JDK types a {@link Throwable}'s serial form holds: the exceptions of {@code java.lang}, {@code
 * java.io} and {@code java.util.concurrent}, stack trace elements and the lists of suppressed
 * exceptions. A project class sent between members may hold only these types.
 */
final class SerializationFilter {
    static final String OWN = "kr.qfeedback.";

    private SerializationFilter() {}

    static void install(Config config) {
        ClassFilter allowed = new ClassFilter()
                .addPrefixes(OWN, "com.hazelcast.")
                .addPackages("java.lang", "java.io", "java.util.concurrent")
                .addClasses(
                        "[B",
                        "[[B",
                        "[Ljava.lang.StackTraceElement;",
                        "[Ljava.lang.Throwable;",
                        "java.util.ArrayList",
                        "java.util.Collections$EmptyList",
                        "java.util.Collections$UnmodifiableCollection",
                        "java.util.Collections$UnmodifiableList",
                        "java.util.Collections$UnmodifiableRandomAccessList");
        config.getSerializationConfig()
                .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig()
                        .setDefaultsDisabled(true)
                        .setWhitelist(allowed));
    }
}
