package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version whose tables and DRL files produce the DRL of one built lately takes that build instead
 * of compiling again; any change of the DRL compiles anew.
 */
class BuiltKieBasesTest {

    @TempDir
    Path texts;

    @TempDir
    Path table;

    @Test
    void aTextOnlyEditTakesTheCompiledRulesOfTheVersionBeforeIt() {
        RuleSet shipped =
                RuleFolder.copyOfShippedRules(texts.resolve("shipped")).compile();
        RuleSet edited = RuleFolder.copyOfShippedRules(texts.resolve("edited"))
                .replace(MessagesReader.FILE, "제목: \"만족도 조사\"", "제목: \"만족도 조사 (수정)\"")
                .compile();

        assertNotEquals(shipped.version(), edited.version(), "the edit is a new version");
        assertSame(shipped.kieBase(), edited.kieBase(), "the same DRL is not compiled twice");
        assertNotSame(shipped.messages(), edited.messages(), "the texts are the edited ones");
    }

    @Test
    void anEditOfATableCellCompilesAgain() {
        RuleSet shipped =
                RuleFolder.copyOfShippedRules(table.resolve("shipped")).compile();
        RuleSet edited = RuleFolder.copyOfShippedRules(table.resolve("edited"))
                .cell("H23", 45)
                .compile();

        assertNotSame(shipped.kieBase(), edited.kieBase(), "another DRL is compiled");
    }

    @Test
    void theKeyTellsTheSameTextsInOtherFilesApart() {
        GeneratedDrl ab = new GeneratedDrl("a.drl", null, "ab", false, java.util.Map.of());
        GeneratedDrl a = new GeneratedDrl("a.drl", null, "a", false, java.util.Map.of());
        GeneratedDrl b = new GeneratedDrl("b.drl", null, "b", false, java.util.Map.of());

        assertNotEquals(BuiltKieBases.keyOf(java.util.List.of(ab)), BuiltKieBases.keyOf(java.util.List.of(a, b)));
        assertEquals(BuiltKieBases.keyOf(java.util.List.of(a, b)), BuiltKieBases.keyOf(java.util.List.of(a, b)));
    }
}
