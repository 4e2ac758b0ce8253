package kr.qfeedback.rules;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.BaseDescr;

/**
 * The allow-list's refusals in Korean, for the staff who edit rule files: each names the construct
 * refused and says what a rule file may hold instead.
 */
final class AllowListMessages {
    static final String UNREADABLE_FILE = "규칙 파일을 읽을 수 없습니다.";
    static final String ACCUMULATE_IMPORT = "import accumulate 는 쓸 수 없습니다.";
    static final String UNIT = "unit 선언은 쓸 수 없습니다.";
    private static final String CONSTRAINT_HELP = " 조건에는 필드 이름, 값(\"문자열\", 숫자, true, false, null), $변수, Flag.of(\"O\")를"
            + " 비교(== != < <= > >=)하고 &&, ||, !, 괄호로 묶는 것만 쓸 수 있습니다.";
    private static final String CONSEQUENCE_HELP = " 결과에는 insert(new …(…)) 만 쓸 수 있습니다"
            + "(넣을 수 있는 사실: ExemptionStatus, YouthDiscountEligible, SurveyCampaign, SectionShown; 값은 \"문자열\", 숫자, true, false, null, $변수).";

    private AllowListMessages() {}

    // ---- the file and its package ----

    static String unreadableFile(String parserMessage) {
        return "규칙 파일을 읽을 수 없습니다: " + oneLine(parserMessage);
    }

    static String forbiddenImport(String target) {
        return "허용되지 않는 import 입니다: " + target + ". 규칙 파일은 " + RuleAllowList.MODEL_PACKAGE + " 의 사실("
                + String.join(", ", sorted(RuleAllowList.IMPORTABLE)) + ")만 가져올 수 있습니다.";
    }

    static String functionImport(String target) {
        return "함수나 static 멤버를 가져오는 import(import static, import function)는 쓸 수 없습니다: " + target + ".";
    }

    static String global(String type, String identifier) {
        return "전역 변수(global)는 쓸 수 없습니다: global " + type + " " + identifier
                + ". 규칙은 사실(Profile, PolicyParameters 등)만 읽을 수 있습니다.";
    }

    static String function(String name) {
        return "함수(function) 선언은 쓸 수 없습니다: " + name + ". 규칙 파일에는 규칙(rule)만 적을 수 있습니다.";
    }

    static String typeDeclaration(String type) {
        return "형 선언(declare)은 쓸 수 없습니다: " + type + ". 규칙은 " + RuleAllowList.MODEL_PACKAGE + " 의 사실만 씁니다.";
    }

    static String enumDeclaration(String type) {
        return "열거형 선언(declare enum)은 쓸 수 없습니다: " + type + ".";
    }

    static String entryPointDeclaration(String id) {
        return "진입점 선언(declare entry-point)은 쓸 수 없습니다: " + id + ".";
    }

    static String windowDeclaration(String name) {
        return "창 선언(declare window)은 쓸 수 없습니다: " + name + ".";
    }

    static String packageAttribute(String name) {
        return "패키지 속성 '" + name + "' 은(는) 쓸 수 없습니다. 속성은 규칙마다 적어 주세요.";
    }

    // ---- a rule ----

    static String query(String rule) {
        return "질의(query)는 쓸 수 없습니다: " + rule + ". 규칙 파일에는 규칙(rule)만 적을 수 있습니다.";
    }

    static String annotations(String rule, Collection<String> annotationNames) {
        return "규칙 '" + rule + "' 에 주석 표시(@" + String.join(", @", annotationNames) + ")는 쓸 수 없습니다.";
    }

    static String ruleExtends(String rule) {
        return "규칙 '" + rule + "' 의 extends 는 쓸 수 없습니다. 조건을 규칙마다 모두 적어 주세요.";
    }

    static String namedConsequences(String rule) {
        return "규칙 '" + rule + "' 의 이름 붙은 결과(then[…])는 쓸 수 없습니다.";
    }

    static String attribute(String rule, String name, String value) {
        return "규칙 '" + rule + "' 의 속성 '" + name + " " + value
                + "' 은(는) 쓸 수 없습니다. 쓸 수 있는 속성: salience(정수), no-loop, lock-on-active, dialect \"java\" 또는 \"mvel\".";
    }

    // ---- conditions ----

    static String condition(BaseDescr descr) {
        return "조건에 " + conditionName(descr) + " 은(는) 쓸 수 없습니다."
                + " 조건에는 사실(Profile, PolicyParameters 등)의 패턴과 not, exists, and, or 만 쓸 수 있습니다.";
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

    static String patternSource(String source) {
        return "조건의 출처(from, collect, accumulate, entry-point, window)는 쓸 수 없습니다: " + oneLine(source)
                + ". 조건은 작업 메모리의 사실(Profile 등)에만 걸 수 있습니다.";
    }

    static String patternQuery(String type) {
        return "조건에서 질의(query)를 부를 수 없습니다: " + type + ".";
    }

    static String patternWindowOrAnnotation(String type) {
        return "조건 " + type + " 에 창(over window)이나 주석 표시(@…)는 쓸 수 없습니다.";
    }

    static String patternType(String type) {
        return "조건에 쓸 수 없는 사실입니다: " + type + ". 조건에 쓸 수 있는 사실: "
                + String.join(", ", sorted(RuleAllowList.PATTERN_TYPES)) + ".";
    }

    static String constraintForm(String type, String constraint) {
        return "조건 " + type + "(…)의 '" + oneLine(constraint) + "' 은(는) 쓸 수 없습니다." + CONSTRAINT_HELP;
    }

    static String constraintCode(String type, String expression, String fragment) {
        return "조건 " + type + "(…)의 '" + oneLine(expression) + "' 에 허용되지 않는 코드가 있습니다"
                + (fragment.isEmpty() ? "" : ": " + fragment) + "." + CONSTRAINT_HELP;
    }

    // ---- consequences ----

    static String unreadableConsequence(String rule) {
        return "규칙 '" + rule + "' 의 결과(then)를 읽을 수 없습니다." + CONSEQUENCE_HELP;
    }

    static String consequenceCode(String fragment) {
        return "규칙의 결과(then)에 허용되지 않는 코드가 있습니다: " + fragment + "." + CONSEQUENCE_HELP;
    }

    // ---- loops ----

    static String loop(String rule, String made, String matched) {
        return "규칙 '" + rule + "' 이(가) 끝없이 반복될 수 있습니다: 결과가 넣는 " + made
                + (made.equals(matched) ? " 을(를) 조건이 다시 찾습니다" : " 에서 규칙을 거쳐 조건의 " + matched + " 이(가) 다시 생깁니다")
                + ". 결과로 넣는 사실이 그 규칙의 조건으로 돌아오지 않게 해 주세요.";
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
