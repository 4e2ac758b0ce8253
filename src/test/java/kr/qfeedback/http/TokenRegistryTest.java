package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** QF_TOKENS parsing and the tokens generated when it is unset. */
class TokenRegistryTest {

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(
            strings = {
                "",
                "decide",
                "decide:",
                ":abcdefgh12",
                "decide=abcdefgh12",
                "decide:abcdefgh12,,author:zyxwvuts98",
                "decide:abcdefgh12,author"
            })
    void aMalformedPairIsRejectedNamingItsPosition(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenRegistry.parse(spec));
        assertTrue(e.getMessage().contains("QF_TOKENS entry"), e.getMessage());
        assertTrue(e.getMessage().contains("role:token"), e.getMessage());
    }

    @Test
    void theErrorNamesTheSecondEntryWhenTheSecondIsBad() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TokenRegistry.parse("decide:abcdefgh12,author"));
        assertTrue(e.getMessage().contains("entry 2"), e.getMessage());
    }

    @Test
    void anUnknownRoleIsRejectedListingTheRoles() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TokenRegistry.parse("admin:abcdefgh12"));
        assertTrue(e.getMessage().contains("admin"), e.getMessage());
        assertTrue(e.getMessage().contains("decide") && e.getMessage().contains("author"), e.getMessage());
    }

    @Test
    void aTokenShorterThanEightCharactersIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TokenRegistry.parse("decide:short"));
        assertTrue(e.getMessage().contains("8"), e.getMessage());
    }

    @Test
    void theRejectionMessageNeverContainsTheToken() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TokenRegistry.parse("decide:good-token-123,author:abc"));
        assertFalse(e.getMessage().contains("good-token-123"), e.getMessage());
        assertFalse(e.getMessage().contains(":abc"), e.getMessage());
    }

    @Test
    void aTokenListedUnderBothRolesHasBoth() {
        TokenRegistry tokens = TokenRegistry.parse("decide:shared-token-1,author:shared-token-1");
        TokenRegistry.Caller caller = tokens.identify("shared-token-1").orElseThrow();
        assertTrue(caller.has(Role.DECIDE));
        assertTrue(caller.has(Role.AUTHOR));
        assertEquals(Set.of(Role.DECIDE, Role.AUTHOR), caller.roles());
    }

    @Test
    void eachTokenHasOnlyItsOwnRoleAndAnAuditNameThatDoesNotRevealIt() {
        TokenRegistry tokens =
                TokenRegistry.parse(" decide : decide-token-1 , author:author-token-1,decide:decide-token-2");
        TokenRegistry.Caller decide1 = tokens.identify("decide-token-1").orElseThrow();
        TokenRegistry.Caller decide2 = tokens.identify("decide-token-2").orElseThrow();
        TokenRegistry.Caller author = tokens.identify("author-token-1").orElseThrow();
        assertEquals(Set.of(Role.DECIDE), decide1.roles());
        assertEquals(Set.of(Role.AUTHOR), author.roles());
        assertEquals("decide-1", decide1.name());
        assertEquals("decide-2", decide2.name());
        assertEquals("author-1", author.name());
    }

    @Test
    void unknownEmptyAndNullTokensAreNotIdentified() {
        TokenRegistry tokens = TokenRegistry.parse("decide:decide-token-1");
        assertTrue(tokens.identify("decide-token-2").isEmpty());
        assertTrue(tokens.identify("decide-token-").isEmpty());
        assertTrue(tokens.identify("DECIDE-TOKEN-1").isEmpty());
        assertTrue(tokens.identify("").isEmpty());
        assertTrue(tokens.identify(null).isEmpty());
    }

    @Test
    void generatedTokensDifferPerRoleAndPerRun() {
        TokenRegistry first = TokenRegistry.generate();
        List<String> lines = first.describeForOperator();
        assertEquals(Role.values().length, lines.size(), "one token per role: " + lines);
        String decide = lines.stream()
                .filter(l -> l.startsWith("decide:"))
                .findFirst()
                .orElseThrow()
                .substring("decide:".length());
        String author = lines.stream()
                .filter(l -> l.startsWith("author:"))
                .findFirst()
                .orElseThrow()
                .substring("author:".length());
        assertNotEquals(decide, author);
        assertTrue(decide.length() >= 32 && author.length() >= 32, lines::toString);
        assertEquals(Set.of(Role.DECIDE), first.identify(decide).orElseThrow().roles());
        assertEquals(Set.of(Role.AUTHOR), first.identify(author).orElseThrow().roles());
        String approver = lines.stream()
                .filter(l -> l.startsWith("approver:"))
                .findFirst()
                .orElseThrow()
                .substring("approver:".length());
        assertEquals(
                Set.of(Role.APPROVER), first.identify(approver).orElseThrow().roles());
        assertNotEquals(
                first.identify(author).orElseThrow().name(),
                first.identify(approver).orElseThrow().name(),
                "the generated author and approver are two people to the audit");
        assertTrue(
                TokenRegistry.generate().describeForOperator().stream().noneMatch(lines::contains),
                "a new run gets new tokens");
    }

    @Test
    void theOperatorDescriptionCanBeFedBackAsQfTokens() {
        TokenRegistry generated = TokenRegistry.generate();
        TokenRegistry reparsed = TokenRegistry.parse(String.join(",", generated.describeForOperator()));
        for (String line : generated.describeForOperator()) {
            String token = line.substring(line.indexOf(':') + 1);
            assertEquals(
                    generated.identify(token).orElseThrow().roles(),
                    reparsed.identify(token).orElseThrow().roles());
        }
    }

    @Test
    void aNamedTokenIsRecordedByItsNameAndAnUnnamedOneByRoleAndPosition() {
        TokenRegistry tokens = TokenRegistry.parse("author:kim.policy:author-token-of-kim,decide:decide-token-1");
        assertEquals(
                "kim.policy",
                tokens.identify("author-token-of-kim").orElseThrow().name());
        assertEquals("decide-1", tokens.identify("decide-token-1").orElseThrow().name());
    }

    @Test
    void theTokensFileAddsNamedTokensSkippingCommentsAndBlankLines() {
        String strong = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c"; // 32 hex digits = 128 bits
        TokenRegistry tokens = TokenRegistry.from(
                "decide:decide-token-1", List.of("# staff", "", "author:lee.review:" + strong), "QF_TOKENS_FILE");
        assertEquals("lee.review", tokens.identify(strong).orElseThrow().name());
        assertEquals(Set.of(Role.AUTHOR), tokens.identify(strong).orElseThrow().roles());
        assertTrue(tokens.identify("decide-token-1").isPresent(), "QF_TOKENS still counts beside the file");
    }

    @Test
    void aTokenOfTheFileUnder128BitsIsRefusedNamingTheLineButNotTheToken() {
        String weak = "0123456789abcdef"; // 16 hex digits = 64 bits
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> TokenRegistry.from(null, List.of("# staff", "author:kim:" + weak), "QF_TOKENS_FILE"));
        assertTrue(refused.getMessage().startsWith("QF_TOKENS_FILE line 2 "), refused.getMessage());
        assertTrue(refused.getMessage().contains("128"), refused.getMessage());
        assertFalse(refused.getMessage().contains(weak), "the message never shows the token");
        assertEquals(128, TokenRegistry.bits("9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c"));
        assertTrue(TokenRegistry.bits("Zx8_k2Lq9-Rt5vWb3Nm7Pd") >= 128, "22 base64url characters carry about 132 bits");
    }
}
