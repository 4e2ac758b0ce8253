package kr.qfeedback.rules;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.EntryPointDeclarationDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * Rule files are data: before anything is compiled, every DRL text (hand-written or generated
 * from a decision table) is parsed by Drools' own parser into descriptors and checked against
 * this allow-list. What is accepted, exactly:
 *
 * <ul>
 *   <li>a {@code package} line; {@code import}s of {@code kr.qfeedback.rules.model.*} or of one of
 *       its classes only (no {@code import static}, no {@code import function}, no accumulate
 *       imports);</li>
 *   <li>rules only: no {@code function}, {@code global}, {@code query}, {@code declare} (types,
 *       enums, windows, entry points), no {@code unit}, no package attributes, no annotations,
 *       no {@code extends}, no named consequences;</li>
 *   <li>rule attributes {@code salience} (an integer literal), {@code no-loop},
 *       {@code lock-on-active} ({@code true}/{@code false}) and {@code dialect "java"} or
 *       {@code "mvel"};</li>
 *   <li>conditions: patterns, optionally bound ({@code $p : Profile(…)}), on the model's facts
 *       ({@link #PATTERN_TYPES}), combined with {@code and}, {@code or}, {@code not},
 *       {@code exists}; no {@code eval}, {@code forall}, {@code from}, {@code collect},
 *       {@code accumulate}, {@code entry-point}, windows or other sources;</li>
 *   <li>constraints: {@code $name : field} bindings and comparisons ({@code == != < <= > >=})
 *       joined by {@code && || !} and parentheses, of field names, bound {@code $names}, string
 *       (double quotes, no backslash), number, {@code true}/{@code false}/{@code null} literals
 *       and {@code Flag.of("…")}; no other method call, no dot;</li>
 *   <li>consequences, statement by statement: {@code insert(new T(args));},
 *       {@code T v = new T(args);}, {@code insert(v);} and {@code v.setX(arg);} for the setters
 *       of {@link #SETTERS}, where {@code T} is a fact the rules decide ({@link #INSERTABLE}) and
 *       an argument is a literal, a bound {@code $name} or {@code drools.getRule().getName()};
 *       anything else ({@code modify}, {@code retract}, {@code update}, any other call) is
 *       refused;</li>
 *   <li>across all files, no rule may insert a fact that leads back (through the rules) to a fact
 *       its own conditions match: such rules could fire forever.</li>
 * </ul>
 *
 * Each refusal is a Korean {@link RuleProblem} at the file and line (for a DRL file) or the sheet
 * and row (for a decision table) and names the construct ({@link AllowListMessages}). This class
 * checks the package and each rule's header; {@link ConditionCheck}, {@link ConsequenceCheck} and
 * {@link RuleLoopCheck} check the rest.
 */
final class RuleAllowList {
    static final String MODEL_PACKAGE = "kr.qfeedback.rules.model";
    /** Facts a condition may match. */
    static final Set<String> PATTERN_TYPES = Set.of(
            "Profile",
            "PolicyParameters",
            "ExemptionStatus",
            "YouthDiscountEligible",
            "SurveyCampaign",
            "SectionShown");
    /** Facts a consequence may insert: what the rules decide (never the inputs Profile, PolicyParameters). */
    static final Set<String> INSERTABLE =
            Set.of("ExemptionStatus", "YouthDiscountEligible", "SurveyCampaign", "SectionShown");
    /** Setters a consequence may call on a fact it has just made. */
    static final Map<String, Set<String>> SETTERS =
            Map.of("SectionShown", Set.of("setOrder", "setTone", "setMessage", "setDataStage"));
    /** Every class of the model package a file may import. */
    static final Set<String> IMPORTABLE = union(PATTERN_TYPES, Set.of("Flag"));

    private static final Pattern SALIENCE = Pattern.compile("-?\\d{1,9}");

    /** Reports a Drools parser error the way a compile error of the same source is reported. */
    interface ParseErrors {
        RuleProblem locate(GeneratedDrl source, int line, String text);
    }

    /** What the check found; {@code refused} sources must not be compiled. */
    record Checked(List<RuleProblem> problems, Set<GeneratedDrl> refused) {}

    private final ParseErrors parseErrors;
    private final AllowListRefusals refusals = new AllowListRefusals();
    private final ConditionCheck conditions = new ConditionCheck(refusals);
    private final ConsequenceCheck consequences = new ConsequenceCheck(refusals);
    private final RuleLoopCheck loops = new RuleLoopCheck();

    private RuleAllowList(ParseErrors parseErrors) {
        this.parseErrors = parseErrors;
    }

    static Checked check(List<GeneratedDrl> sources, ParseErrors parseErrors) {
        RuleAllowList list = new RuleAllowList(parseErrors);
        for (GeneratedDrl source : sources) {
            list.check(source);
        }
        list.loops.check(list.refusals);
        return list.refusals.checked();
    }

    private void check(GeneratedDrl source) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.drl());
        } catch (DroolsParserException | RuntimeException e) {
            refusals.refuse(source, 0, AllowListMessages.unreadableFile(e.getMessage()));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            refusals.refuseSource(source);
            for (DroolsError error : parser.getErrors()) {
                int[] lines = error.getLines();
                refusals.add(parseErrors.locate(
                        source, lines != null && lines.length > 0 ? lines[0] : 0, error.getMessage()));
            }
            if (parser.getErrors().isEmpty()) {
                refusals.refuse(source, 0, AllowListMessages.UNREADABLE_FILE);
            }
            return;
        }
        checkPackage(source, pkg);
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(source, pkg, rule);
        }
    }

    private void checkPackage(GeneratedDrl source, PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            boolean model = target.equals(MODEL_PACKAGE + ".*")
                    || (target.startsWith(MODEL_PACKAGE + ".")
                            && IMPORTABLE.contains(target.substring(MODEL_PACKAGE.length() + 1)));
            if (!model) {
                refusals.refuse(source, i.getLine(), AllowListMessages.forbiddenImport(target));
            }
        }
        for (FunctionImportDescr i : pkg.getFunctionImports()) {
            refusals.refuse(source, i.getLine(), AllowListMessages.functionImport(i.getTarget()));
        }
        if (!pkg.getAccumulateImports().isEmpty()) {
            refusals.refuse(source, pkg.getAccumulateImports().get(0).getLine(), AllowListMessages.ACCUMULATE_IMPORT);
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            refusals.refuse(source, g.getLine(), AllowListMessages.global(g.getType(), g.getIdentifier()));
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            refusals.refuse(source, f.getLine(), AllowListMessages.function(f.getName()));
        }
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            refusals.refuse(source, t.getLine(), AllowListMessages.typeDeclaration(t.getTypeName()));
        }
        for (EnumDeclarationDescr t : pkg.getEnumDeclarations()) {
            refusals.refuse(source, t.getLine(), AllowListMessages.enumDeclaration(t.getTypeName()));
        }
        for (EntryPointDeclarationDescr e : pkg.getEntryPointDeclarations()) {
            refusals.refuse(source, e.getLine(), AllowListMessages.entryPointDeclaration(e.getEntryPointId()));
        }
        for (WindowDeclarationDescr w : pkg.getWindowDeclarations()) {
            refusals.refuse(source, w.getLine(), AllowListMessages.windowDeclaration(w.getName()));
        }
        for (AttributeDescr a : pkg.getAttributes()) {
            refusals.refuse(source, a.getLine(), AllowListMessages.packageAttribute(a.getName()));
        }
        if (pkg.getUnit() != null) {
            refusals.refuse(source, pkg.getUnit().getLine(), AllowListMessages.UNIT);
        }
    }

    private void checkRule(GeneratedDrl source, PackageDescr pkg, RuleDescr rule) {
        String name = rule.getName();
        if (rule.isQuery()) {
            refusals.refuse(source, rule.getLine(), AllowListMessages.query(name));
            return;
        }
        if (!rule.getAnnotationNames().isEmpty()) {
            refusals.refuse(source, rule.getLine(), AllowListMessages.annotations(name, rule.getAnnotationNames()));
        }
        if (rule.getParentName() != null) {
            refusals.refuse(source, rule.getLine(), AllowListMessages.ruleExtends(name));
        }
        for (AttributeDescr a : rule.getAttributes().values()) {
            checkAttribute(source, name, a);
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refusals.refuse(source, rule.getLine(), AllowListMessages.namedConsequences(name));
        }
        Set<String> bound = new HashSet<>();
        Set<String> matched = new LinkedHashSet<>();
        if (rule.getLhs() != null) {
            conditions.check(source, pkg, rule.getLhs(), bound, matched);
        }
        Object consequence = rule.getConsequence();
        Set<String> inserted = new LinkedHashSet<>();
        if (consequence != null && !(consequence instanceof String)) {
            refusals.refuse(source, rule.getConsequenceLine(), AllowListMessages.unreadableConsequence(name));
        } else if (consequence != null) {
            consequences.check(source, rule, (String) consequence, bound, inserted);
        }
        loops.add(source, rule.getLine(), name, matched, inserted);
    }

    private void checkAttribute(GeneratedDrl source, String rule, AttributeDescr a) {
        String value = a.getValue() == null ? "" : a.getValue().strip();
        boolean ok = switch (a.getName()) {
            case "salience" -> SALIENCE.matcher(value).matches();
            case "no-loop", "lock-on-active" -> value.equals("true") || value.equals("false");
            case "dialect" -> value.equals("java") || value.equals("mvel");
            default -> false;
        };
        if (!ok) {
            refusals.refuse(
                    source, a.getLine() > 0 ? a.getLine() : 0, AllowListMessages.attribute(rule, a.getName(), value));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
