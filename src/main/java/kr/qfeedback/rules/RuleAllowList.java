package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kr.qfeedback.rules.RuleCode.Kind;
import kr.qfeedback.rules.RuleCode.Token;
import kr.qfeedback.rules.RuleCode.Unreadable;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EntryPointDeclarationDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
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
 * and row (for a decision table) and names the construct.
 */
final class RuleAllowList {
    static final String MODEL_PACKAGE = "kr.qfeedback.rules.model";
    /** Facts a condition may match. */
    static final Set<String> PATTERN_TYPES = Set.of("Profile", "PolicyParameters", "ExemptionStatus",
            "YouthDiscountEligible", "SurveyCampaign", "SectionShown");
    /** Facts a consequence may insert: what the rules decide (never the inputs Profile, PolicyParameters). */
    static final Set<String> INSERTABLE = Set.of("ExemptionStatus", "YouthDiscountEligible", "SurveyCampaign", "SectionShown");
    /** Setters a consequence may call on a fact it has just made. */
    static final Map<String, Set<String>> SETTERS = Map.of(
            "SectionShown", Set.of("setOrder", "setTone", "setMessage", "setDataStage"));
    /** Every class of the model package a file may import. */
    static final Set<String> IMPORTABLE = union(PATTERN_TYPES, Set.of("Flag"));
    private static final Pattern SALIENCE = Pattern.compile("-?\\d{1,9}");
    private static final String CONSTRAINT_HELP = " 조건에는 필드 이름, 값(\"문자열\", 숫자, true, false, null), $변수, Flag.of(\"O\")를"
            + " 비교(== != < <= > >=)하고 &&, ||, !, 괄호로 묶는 것만 쓸 수 있습니다.";
    private static final String CONSEQUENCE_HELP = " 결과에는 insert(new …(…)) 만 쓸 수 있습니다"
            + "(넣을 수 있는 사실: ExemptionStatus, YouthDiscountEligible, SurveyCampaign, SectionShown; 값은 \"문자열\", 숫자, true, false, null, $변수).";

    /** Reports a Drools parser error the way a compile error of the same source is reported. */
    interface ParseErrors {
        RuleProblem locate(GeneratedDrl source, int line, String text);
    }

    /** What the check found; {@code refused} sources must not be compiled. */
    record Checked(List<RuleProblem> problems, Set<GeneratedDrl> refused) {
    }

    private final ParseErrors parseErrors;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Set<GeneratedDrl> refused = new LinkedHashSet<>();
    /** For the loop check: each rule's matched and inserted facts, where it is. */
    private final List<RuleFacts> ruleFacts = new ArrayList<>();

    private record RuleFacts(GeneratedDrl source, int line, String rule, Set<String> matched, Set<String> inserted) {
    }

    private RuleAllowList(ParseErrors parseErrors) {
        this.parseErrors = parseErrors;
    }

    static Checked check(List<GeneratedDrl> sources, ParseErrors parseErrors) {
        RuleAllowList list = new RuleAllowList(parseErrors);
        for (GeneratedDrl source : sources) {
            list.check(source);
        }
        list.checkLoops();
        return new Checked(List.copyOf(list.problems), Set.copyOf(list.refused));
    }

    private void check(GeneratedDrl source) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.drl());
        } catch (DroolsParserException | RuntimeException e) {
            refuse(source, 0, "규칙 파일을 읽을 수 없습니다: " + oneLine(e.getMessage()));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            refused.add(source);
            for (DroolsError error : parser.getErrors()) {
                int[] lines = error.getLines();
                problems.add(parseErrors.locate(source, lines != null && lines.length > 0 ? lines[0] : 0, error.getMessage()));
            }
            if (parser.getErrors().isEmpty()) {
                refuse(source, 0, "규칙 파일을 읽을 수 없습니다.");
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
            boolean model = target.equals(MODEL_PACKAGE + ".*") || (target.startsWith(MODEL_PACKAGE + ".")
                    && IMPORTABLE.contains(target.substring(MODEL_PACKAGE.length() + 1)));
            if (!model) {
                refuse(source, i.getLine(), "허용되지 않는 import 입니다: " + target + ". 규칙 파일은 " + MODEL_PACKAGE
                        + " 의 사실(" + String.join(", ", sorted(IMPORTABLE)) + ")만 가져올 수 있습니다.");
            }
        }
        for (FunctionImportDescr i : pkg.getFunctionImports()) {
            refuse(source, i.getLine(), "함수나 static 멤버를 가져오는 import(import static, import function)는 쓸 수 없습니다: "
                    + i.getTarget() + ".");
        }
        if (!pkg.getAccumulateImports().isEmpty()) {
            refuse(source, pkg.getAccumulateImports().get(0).getLine(), "import accumulate 는 쓸 수 없습니다.");
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            refuse(source, g.getLine(), "전역 변수(global)는 쓸 수 없습니다: global " + g.getType() + " " + g.getIdentifier()
                    + ". 규칙은 사실(Profile, PolicyParameters 등)만 읽을 수 있습니다.");
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            refuse(source, f.getLine(), "함수(function) 선언은 쓸 수 없습니다: " + f.getName() + ". 규칙 파일에는 규칙(rule)만 적을 수 있습니다.");
        }
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            refuse(source, t.getLine(), "형 선언(declare)은 쓸 수 없습니다: " + t.getTypeName() + ". 규칙은 " + MODEL_PACKAGE + " 의 사실만 씁니다.");
        }
        for (EnumDeclarationDescr t : pkg.getEnumDeclarations()) {
            refuse(source, t.getLine(), "열거형 선언(declare enum)은 쓸 수 없습니다: " + t.getTypeName() + ".");
        }
        for (EntryPointDeclarationDescr e : pkg.getEntryPointDeclarations()) {
            refuse(source, e.getLine(), "진입점 선언(declare entry-point)은 쓸 수 없습니다: " + e.getEntryPointId() + ".");
        }
        for (WindowDeclarationDescr w : pkg.getWindowDeclarations()) {
            refuse(source, w.getLine(), "창 선언(declare window)은 쓸 수 없습니다: " + w.getName() + ".");
        }
        for (AttributeDescr a : pkg.getAttributes()) {
            refuse(source, a.getLine(), "패키지 속성 '" + a.getName() + "' 은(는) 쓸 수 없습니다. 속성은 규칙마다 적어 주세요.");
        }
        if (pkg.getUnit() != null) {
            refuse(source, pkg.getUnit().getLine(), "unit 선언은 쓸 수 없습니다.");
        }
    }

    private void checkRule(GeneratedDrl source, PackageDescr pkg, RuleDescr rule) {
        String name = rule.getName();
        if (rule.isQuery()) {
            refuse(source, rule.getLine(), "질의(query)는 쓸 수 없습니다: " + name + ". 규칙 파일에는 규칙(rule)만 적을 수 있습니다.");
            return;
        }
        if (!rule.getAnnotationNames().isEmpty()) {
            refuse(source, rule.getLine(), "규칙 '" + name + "' 에 주석 표시(@" + String.join(", @", rule.getAnnotationNames())
                    + ")는 쓸 수 없습니다.");
        }
        if (rule.getParentName() != null) {
            refuse(source, rule.getLine(), "규칙 '" + name + "' 의 extends 는 쓸 수 없습니다. 조건을 규칙마다 모두 적어 주세요.");
        }
        for (AttributeDescr a : rule.getAttributes().values()) {
            checkAttribute(source, name, a);
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(source, rule.getLine(), "규칙 '" + name + "' 의 이름 붙은 결과(then[…])는 쓸 수 없습니다.");
        }
        Set<String> bound = new HashSet<>();
        Set<String> matched = new LinkedHashSet<>();
        if (rule.getLhs() != null) {
            checkConditions(source, pkg, rule.getLhs(), bound, matched);
        }
        Object consequence = rule.getConsequence();
        Set<String> inserted = new LinkedHashSet<>();
        if (consequence != null && !(consequence instanceof String)) {
            refuse(source, rule.getConsequenceLine(), "규칙 '" + name + "' 의 결과(then)를 읽을 수 없습니다." + CONSEQUENCE_HELP);
        } else if (consequence != null) {
            checkConsequence(source, rule, (String) consequence, bound, inserted);
        }
        ruleFacts.add(new RuleFacts(source, rule.getLine(), name, matched, inserted));
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
            refuse(source, a.getLine() > 0 ? a.getLine() : 0, "규칙 '" + rule + "' 의 속성 '" + a.getName() + " " + value
                    + "' 은(는) 쓸 수 없습니다. 쓸 수 있는 속성: salience(정수), no-loop, lock-on-active, dialect \"java\" 또는 \"mvel\".");
        }
    }

    private void checkConditions(GeneratedDrl source, PackageDescr pkg, BaseDescr descr, Set<String> bound, Set<String> matched) {
        if (descr instanceof AndDescr and) {
            for (BaseDescr d : and.getDescrs()) {
                checkConditions(source, pkg, d, bound, matched);
            }
        } else if (descr instanceof OrDescr or) {
            for (BaseDescr d : or.getDescrs()) {
                checkConditions(source, pkg, d, bound, matched);
            }
        } else if (descr instanceof NotDescr not) {
            for (BaseDescr d : not.getDescrs()) {
                checkConditions(source, pkg, d, bound, matched);
            }
        } else if (descr instanceof ExistsDescr exists) {
            for (Object d : exists.getDescrs()) {
                checkConditions(source, pkg, (BaseDescr) d, bound, matched);
            }
        } else if (descr instanceof PatternDescr pattern) {
            checkPattern(source, pkg, pattern, bound, matched);
        } else {
            refuse(source, descr.getLine(), "조건에 " + conditionName(descr) + " 은(는) 쓸 수 없습니다."
                    + " 조건에는 사실(Profile, PolicyParameters 등)의 패턴과 not, exists, and, or 만 쓸 수 있습니다.");
        }
    }

    private static String conditionName(BaseDescr descr) {
        String simple = descr.getClass().getSimpleName();
        return switch (simple) {
            case "EvalDescr" -> "eval(...)";
            case "ForallDescr" -> "forall(...)";
            case "AccumulateDescr" -> "accumulate(...)";
            case "CollectDescr" -> "collect(...)";
            case "FromDescr" -> "from";
            case "ConditionalBranchDescr" -> "if (...) do[...]/break[...]";
            case "NamedConsequenceDescr" -> "do[...]";
            default -> simple.replace("Descr", "");
        };
    }

    private void checkPattern(GeneratedDrl source, PackageDescr pkg, PatternDescr pattern, Set<String> bound, Set<String> matched) {
        int line = pattern.getLine();
        String type = pattern.getObjectType();
        String simple = type != null && type.startsWith(MODEL_PACKAGE + ".") ? type.substring(MODEL_PACKAGE.length() + 1) : type;
        if (pattern.getSource() != null) {
            refuse(source, line, "조건의 출처(from, collect, accumulate, entry-point, window)는 쓸 수 없습니다: "
                    + oneLine(String.valueOf(pattern.getSource().getText() != null ? pattern.getSource().getText() : pattern.getSource()))
                    + ". 조건은 작업 메모리의 사실(Profile 등)에만 걸 수 있습니다.");
            return;
        }
        if (pattern.isQuery()) {
            refuse(source, line, "조건에서 질의(query)를 부를 수 없습니다: " + type + ".");
            return;
        }
        if (!pattern.getBehaviors().isEmpty() || !pattern.getAnnotationNames().isEmpty()) {
            refuse(source, line, "조건 " + type + " 에 창(over window)이나 주석 표시(@…)는 쓸 수 없습니다.");
            return;
        }
        if (type == null || !PATTERN_TYPES.contains(simple)) {
            if (type == null || type.contains(".") || isClass(pkg, type)) {
                refuse(source, line, "조건에 쓸 수 없는 사실입니다: " + type + ". 조건에 쓸 수 있는 사실: "
                        + String.join(", ", sorted(PATTERN_TYPES)) + ".");
                return;
            }
            // An unknown simple name (a typo): Drools reports it with the names that exist; no code can run.
        } else {
            matched.add(simple);
        }
        if (pattern.getIdentifier() != null) {
            bound.add(pattern.getIdentifier());
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expr) || expr.getType() != ExprConstraintDescr.Type.NAMED) {
                refuse(source, constraint.getLine() > 0 ? constraint.getLine() : line, "조건 " + type + "(…)의 '" + oneLine(constraint.toString())
                        + "' 은(는) 쓸 수 없습니다." + CONSTRAINT_HELP);
                continue;
            }
            checkConstraint(source, constraint.getLine() > 0 ? constraint.getLine() : line, type, expr.getExpression(), bound);
        }
    }

    /** Whether Drools would resolve {@code name} to an existing class (java.lang, the DRL's package, the model). */
    private static boolean isClass(PackageDescr pkg, String name) {
        for (String candidate : List.of("java.lang." + name, pkg.getName() + "." + name, MODEL_PACKAGE + "." + name)) {
            try {
                Class.forName(candidate, false, RuleAllowList.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one
            }
        }
        return false;
    }

    // ---- constraints ----

    private void checkConstraint(GeneratedDrl source, int line, String type, String expression, Set<String> bound) {
        try {
            List<Token> tokens = RuleCode.tokens(expression);
            Cursor c = new Cursor(tokens);
            if (tokens.size() >= 2 && tokens.get(0).kind() == Kind.NAME && tokens.get(1).is(":")) {
                bound.add(tokens.get(0).text());
                c.next();
                c.next();
            }
            orExpr(c);
            if (!c.done()) {
                throw c.unreadable(expression);
            }
        } catch (Unreadable e) {
            refuse(source, line + e.line, "조건 " + type + "(…)의 '" + oneLine(expression) + "' 에 허용되지 않는 코드가 있습니다"
                    + (e.fragment.isEmpty() ? "" : ": " + e.fragment) + "." + CONSTRAINT_HELP);
        }
    }

    private static void orExpr(Cursor c) throws Unreadable {
        andExpr(c);
        while (c.accept("||")) {
            andExpr(c);
        }
    }

    private static void andExpr(Cursor c) throws Unreadable {
        unary(c);
        while (c.accept("&&")) {
            unary(c);
        }
    }

    private static void unary(Cursor c) throws Unreadable {
        if (c.accept("!")) {
            unary(c);
            return;
        }
        if (c.accept("(")) {
            orExpr(c);
            c.expect(")");
            return;
        }
        operand(c);
        if (c.peekIs("==") || c.peekIs("!=") || c.peekIs("<") || c.peekIs("<=") || c.peekIs(">") || c.peekIs(">=")) {
            c.next();
            operand(c);
        }
    }

    /** Takes a negative number literal ({@code -5}) when one comes next; false otherwise. */
    private static boolean negativeNumber(Cursor c) {
        Token t = c.peek();
        if (t != null && t.is("-") && c.peekAt(1) != null && c.peekAt(1).kind() == Kind.NUMBER) {
            c.next();
            c.next();
            return true;
        }
        return false;
    }

    private static void operand(Cursor c) throws Unreadable {
        Token t = c.peek();
        if (t == null) {
            throw c.unreadable(null);
        }
        if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER) {
            c.next();
            return;
        }
        if (negativeNumber(c)) {
            return;
        }
        if (t.is("Flag") && c.peekAt(1) != null && c.peekAt(1).is(".")) {
            c.next();
            c.next();
            c.expectName("of");
            c.expect("(");
            c.expectKind(Kind.STRING);
            c.expect(")");
            return;
        }
        if (t.kind() == Kind.NAME && !t.is("new")) {
            c.next();
            Token after = c.peek();
            if (after != null && (after.is(".") || after.is("("))) {
                throw c.unreadable(null);
            }
            return;
        }
        throw c.unreadable(null);
    }

    // ---- consequences ----

    private void checkConsequence(GeneratedDrl source, RuleDescr rule, String code, Set<String> bound, Set<String> inserted) {
        int first = firstLineOf(source.drl(), rule.getConsequenceLine(), code);
        List<Token> tokens;
        try {
            tokens = RuleCode.tokens(code);
        } catch (Unreadable e) {
            refuseConsequence(source, first + e.line, e.fragment);
            return;
        }
        Map<String, String> locals = new HashMap<>();
        Cursor c = new Cursor(tokens);
        while (!c.done()) {
            int start = c.position();
            try {
                statement(c, bound, locals, inserted);
            } catch (Unreadable e) {
                Token from = tokens.get(start);
                refuseConsequence(source, first + from.line(), RuleCode.fragment(code, from.at()));
                return;
            }
        }
    }

    private void refuseConsequence(GeneratedDrl source, int line, String fragment) {
        refuse(source, line, "규칙의 결과(then)에 허용되지 않는 코드가 있습니다: " + fragment + "." + CONSEQUENCE_HELP);
    }

    private static void statement(Cursor c, Set<String> bound, Map<String, String> locals, Set<String> inserted) throws Unreadable {
        Token t = c.peek();
        if (t.is("insert")) {
            c.next();
            c.expect("(");
            if (c.peekIs("new")) {
                inserted.add(construction(c, bound, locals));
            } else {
                Token local = c.expectKind(Kind.NAME);
                String type = locals.get(local.text());
                if (type == null) {
                    throw c.unreadable(null);
                }
                inserted.add(type);
            }
            c.expect(")");
            c.expect(";");
            return;
        }
        if (t.kind() == Kind.NAME && INSERTABLE.contains(t.text())) {
            c.next();
            Token local = c.expectKind(Kind.NAME);
            if (local.text().startsWith("$") || bound.contains(local.text()) || locals.containsKey(local.text())
                    || isReserved(local.text())) {
                throw c.unreadable(null);
            }
            c.expect("=");
            String made = construction(c, bound, locals);
            if (!made.equals(t.text())) {
                throw c.unreadable(null);
            }
            c.expect(";");
            locals.put(local.text(), made);
            return;
        }
        if (t.kind() == Kind.NAME && locals.containsKey(t.text())) {
            String type = locals.get(t.text());
            c.next();
            c.expect(".");
            Token setter = c.expectKind(Kind.NAME);
            if (!SETTERS.getOrDefault(type, Set.of()).contains(setter.text())) {
                throw c.unreadable(null);
            }
            c.expect("(");
            argument(c, bound, locals);
            c.expect(")");
            c.expect(";");
            return;
        }
        throw c.unreadable(null);
    }

    /** {@code new T(args)}; returns T. */
    private static String construction(Cursor c, Set<String> bound, Map<String, String> locals) throws Unreadable {
        c.expectName("new");
        Token type = c.expectKind(Kind.NAME);
        if (!INSERTABLE.contains(type.text())) {
            throw c.unreadable(null);
        }
        c.expect("(");
        if (!c.peekIs(")")) {
            argument(c, bound, locals);
            while (c.accept(",")) {
                argument(c, bound, locals);
            }
        }
        c.expect(")");
        return type.text();
    }

    private static void argument(Cursor c, Set<String> bound, Map<String, String> locals) throws Unreadable {
        Token t = c.peek();
        if (t == null) {
            throw c.unreadable(null);
        }
        if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.is("true") || t.is("false") || t.is("null")) {
            c.next();
            return;
        }
        if (negativeNumber(c)) {
            return;
        }
        if (t.is("drools")) {
            c.next();
            c.expect(".");
            c.expectName("getRule");
            c.expect("(");
            c.expect(")");
            c.expect(".");
            c.expectName("getName");
            c.expect("(");
            c.expect(")");
            return;
        }
        if (t.kind() == Kind.NAME && bound.contains(t.text())) {
            c.next();
            return;
        }
        throw c.unreadable(null);
    }

    private static boolean isReserved(String name) {
        return Set.of("drools", "kcontext", "insert", "new", "this", "class", "true", "false", "null").contains(name);
    }

    /** The 1-based line of the DRL on which the (stripped) consequence text starts. */
    private static int firstLineOf(String drl, int thenLine, String code) {
        String[] lines = drl.split("\n", -1);
        String firstCodeLine = code.strip().lines().findFirst().orElse("").strip();
        if (thenLine <= 0 || firstCodeLine.isEmpty()) {
            return Math.max(thenLine, 0);
        }
        for (int i = thenLine - 1; i < lines.length; i++) {
            if (lines[i].contains(firstCodeLine)) {
                return i + 1;
            }
        }
        return thenLine;
    }

    // ---- loops ----

    /** A rule whose inserted fact leads back to a fact its conditions match could fire forever. */
    private void checkLoops() {
        Map<String, Set<String>> next = new LinkedHashMap<>();
        for (RuleFacts r : ruleFacts) {
            for (String m : r.matched()) {
                next.computeIfAbsent(m, k -> new LinkedHashSet<>()).addAll(r.inserted());
            }
        }
        for (RuleFacts r : ruleFacts) {
            for (String made : r.inserted()) {
                Set<String> reach = reachable(made, next);
                for (String m : r.matched()) {
                    if (reach.contains(m)) {
                        refuse(r.source(), r.line(), "규칙 '" + r.rule() + "' 이(가) 끝없이 반복될 수 있습니다: 결과가 넣는 " + made
                                + (made.equals(m) ? " 을(를) 조건이 다시 찾습니다" : " 에서 규칙을 거쳐 조건의 " + m + " 이(가) 다시 생깁니다")
                                + ". 결과로 넣는 사실이 그 규칙의 조건으로 돌아오지 않게 해 주세요.");
                        return;
                    }
                }
            }
        }
    }

    private static Set<String> reachable(String from, Map<String, Set<String>> next) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            String t = todo.remove(todo.size() - 1);
            if (seen.add(t)) {
                todo.addAll(next.getOrDefault(t, Set.of()));
            }
        }
        return seen;
    }

    // ---- helpers ----

    private void refuse(GeneratedDrl source, int line, String message) {
        refused.add(source);
        if (source.fromTable()) {
            problems.add(RuleProblem.atCell(RuleFiles.display(source.file()), source.sheet(),
                    line > 0 ? source.rowOfLine(line) : null, null, message));
        } else {
            problems.add(RuleProblem.atLine(RuleFiles.display(source.file()), line > 0 ? line : null, message));
        }
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** Reads a token list once, front to back. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int i;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean done() {
            return i >= tokens.size();
        }

        int position() {
            return i;
        }

        Token peek() {
            return peekAt(0);
        }

        Token peekAt(int ahead) {
            return i + ahead < tokens.size() ? tokens.get(i + ahead) : null;
        }

        boolean peekIs(String s) {
            Token t = peek();
            return t != null && t.is(s);
        }

        Token next() {
            return tokens.get(i++);
        }

        boolean accept(String s) {
            if (peekIs(s)) {
                i++;
                return true;
            }
            return false;
        }

        void expect(String s) throws Unreadable {
            if (!accept(s)) {
                throw unreadable(null);
            }
        }

        void expectName(String s) throws Unreadable {
            Token t = peek();
            if (t == null || t.kind() != Kind.NAME || !t.text().equals(s)) {
                throw unreadable(null);
            }
            i++;
        }

        Token expectKind(Kind kind) throws Unreadable {
            Token t = peek();
            if (t == null || t.kind() != kind) {
                throw unreadable(null);
            }
            i++;
            return t;
        }

        Unreadable unreadable(String code) {
            Token t = peek();
            if (t == null) {
                Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
                return new Unreadable(last == null ? 0 : last.line(), "");
            }
            return new Unreadable(t.line(), t.kind() == Kind.STRING ? "\"" + t.text() + "\"" : t.text());
        }
    }
}
