package kr.qfeedback.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Lets Drools compile DRL sources that passed the allow-list into a {@link KieBase}, reporting each
 * of its errors at the file, line or table row staff edited; the built module is not kept.
 *
 * <p>A version whose DRL is exactly that of one built lately (a text, link or parameter edit: the
 * tables and DRL files produce the same DRL) takes that build's {@link KieBase} instead of
 * compiling again ({@link BuiltKieBases}); a KieBase is immutable and every rule set opens its own
 * sessions on it.
 */
final class DroolsBuild {
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kie = KieServices.Factory.get();

    /** The compiled sources; null, with the problems added to {@code problems}, when Drools refuses them. */
    KieBase build(List<GeneratedDrl> sources, List<RuleProblem> problems) {
        return build(sources, BuiltKieBases.keyOf(sources), problems);
    }

    /** As {@link #build(List, List)}, with the sources' key ({@link BuiltKieBases#keyOf}) made already. */
    KieBase build(List<GeneratedDrl> sources, String key, List<RuleProblem> problems) {
        KieBase built = BuiltKieBases.SHARED.find(key);
        if (built != null) {
            return built;
        }
        KieBase compiled = compile(sources, problems);
        if (compiled != null) {
            BuiltKieBases.SHARED.keep(key, compiled);
        }
        return compiled;
    }

    private KieBase compile(List<GeneratedDrl> sources, List<RuleProblem> problems) {
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("kr.qfeedback.rules", "ruleset", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        // Drools names a message's file relative to src/main/resources.
        Map<String, GeneratedDrl> byResource = new LinkedHashMap<>();
        int n = 0;
        for (GeneratedDrl source : sources) {
            String resource = packageFolder(source.drl()) + "/r" + (n++) + ".drl";
            byResource.put(resource, source);
            kfs.write(RESOURCES + resource, source.drl());
        }
        KieBuilder builder;
        try {
            builder = kie.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) {
            problems.add(RuleProblem.inFile(
                    RuleFiles.DISPLAY_ROOT, "규칙을 컴파일할 수 없습니다: " + DroolsProblems.oneLine(e.getMessage())));
            return null;
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message m : errors) {
            GeneratedDrl source = byResource.get(resourceOf(m.getPath()));
            // A parser failure is followed by a line-less "null Package" echo; the located error says it all.
            boolean echo = m.getLine() <= 0
                    && source != null
                    && errors.stream()
                            .anyMatch(o -> o.getLine() > 0 && source == byResource.get(resourceOf(o.getPath())));
            if (!echo) {
                problems.add(DroolsProblems.locate(source, m.getLine(), m.getText()));
            }
        }
        if (!problems.isEmpty()) {
            // A clean build of only the DRL files (other files being broken) was installed; drop it.
            kie.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            return kie.newKieContainer(releaseId).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static String resourceOf(String path) {
        return path != null && path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }

    /** Drools wants a DRL file in the folder of its package. */
    private static String packageFolder(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') : "rules";
    }
}
