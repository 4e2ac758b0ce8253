package kr.qfeedback.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer tokens the service accepts, from {@code QF_TOKENS} ({@code role:token} or
 * {@code role:name:token} entries, comma-separated) and {@code QF_TOKENS_FILE} (one entry a line); a
 * token listed under both roles has both. Each token has a name for audit records (the given name,
 * else {@code decide-1}, {@code author-1}, …) that never reveals the token. Comparison is in constant
 * time.
 */
public final class TokenRegistry {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token's identity: its audit name and roles. */
    public record Caller(String name, Set<Role> roles) {
        public boolean has(Role role) {
            return roles.contains(role);
        }
    }

    private final Map<String, Caller> byToken;

    private TokenRegistry(Map<String, Caller> byToken) {
        this.byToken = Map.copyOf(byToken);
    }

    /** A caller's name in an entry: what the audit records ("kim.policy"). */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** The least a token from QF_TOKENS_FILE may carry (contract): a guessed token must be out of reach. */
    static final int MIN_FILE_TOKEN_BITS = 128;

    /** Parses QF_TOKENS; throws IllegalArgumentException with a sentence naming the bad pair. */
    public static TokenRegistry parse(String spec) {
        return from(spec, List.of(), null);
    }

    /**
     * The tokens of QF_TOKENS (comma-separated) and of the lines of QF_TOKENS_FILE ({@code #} comments
     * and blank lines skipped), each {@code role:token} or {@code role:name:token}. A named token is
     * recorded in the audit by its name; an unnamed one gets {@code decide-1}, {@code author-1}, ….
     * Tokens from the file must carry at least {@value #MIN_FILE_TOKEN_BITS} bits.
     *
     * @throws IllegalArgumentException with a sentence naming the bad entry (never the token)
     */
    public static TokenRegistry from(String spec, List<String> fileLines, String fileName) {
        Map<String, EnumSet<Role>> roles = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<Role, Integer> counts = new LinkedHashMap<>();
        List<String[]> entries = new ArrayList<>(); // {where, text, strict}
        if (spec != null) {
            String[] pairs = spec.split(",");
            for (int i = 0; i < pairs.length; i++) {
                entries.add(new String[] {"QF_TOKENS entry " + (i + 1), pairs[i].strip(), ""});
            }
        }
        for (int i = 0; i < fileLines.size(); i++) {
            String line = fileLines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                entries.add(new String[] {fileName + " line " + (i + 1), line, "strict"});
            }
        }
        for (String[] entry : entries) {
            String where = entry[0];
            String pair = entry[1];
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException(where
                        + " is not 'role:token' or 'role:name:token' (roles: decide, author, approver, helpdesk).");
            }
            Role role = Role.parse(pair.substring(0, colon).strip());
            String rest = pair.substring(colon + 1).strip();
            String name = null;
            int second = rest.indexOf(':');
            if (second > 0
                    && second < rest.length() - 1
                    && NAME.matcher(rest.substring(0, second)).matches()) {
                name = rest.substring(0, second);
                rest = rest.substring(second + 1).strip();
            }
            String token = rest;
            if (token.length() < 8) {
                throw new IllegalArgumentException(where + " has a token shorter than 8 characters.");
            }
            if (!entry[2].isEmpty() && bits(token) < MIN_FILE_TOKEN_BITS) {
                throw new IllegalArgumentException(
                        where + " has a token of about " + bits(token) + " bits; tokens need at least "
                                + MIN_FILE_TOKEN_BITS + " (e.g. 32 hex digits: openssl rand -hex 16).");
            }
            roles.computeIfAbsent(token, t -> EnumSet.noneOf(Role.class)).add(role);
            int n = counts.merge(role, 1, Integer::sum);
            String label = name != null ? name : role.label() + "-" + n;
            String known = names.putIfAbsent(token, label);
            if (known != null && name != null && !known.equals(name)) {
                throw new IllegalArgumentException(
                        where + " gives a token already listed another name (" + known + ").");
            }
        }
        Map<String, Caller> byToken = new LinkedHashMap<>();
        roles.forEach((token, r) -> byToken.put(token, new Caller(names.get(token), Set.copyOf(r))));
        return new TokenRegistry(byToken);
    }

    /**
     * The bits a token carries at most, by the characters it is drawn from: 4 a character for hex
     * digits, 6 for letters, digits, '-' and '_', 6.5 for anything else printable.
     */
    static int bits(String token) {
        double perChar = token.matches("[0-9a-fA-F]+") ? 4 : token.matches("[A-Za-z0-9_-]+") ? 6 : 6.5;
        return (int) Math.floor(perChar * token.length());
    }

    /** One fresh random token per role, for a service started without QF_TOKENS. */
    public static TokenRegistry generate() {
        List<String> pairs = new ArrayList<>();
        for (Role role : Role.values()) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            pairs.add(role.label() + ":" + HexFormat.of().formatHex(bytes));
        }
        return parse(String.join(",", pairs));
    }

    public Optional<Caller> identify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] offered = token.getBytes(StandardCharsets.UTF_8);
        Caller found = null;
        for (Map.Entry<String, Caller> e : byToken.entrySet()) {
            if (MessageDigest.isEqual(offered, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** {@code role:token} lines, for printing once at start-up when the tokens were generated. */
    public List<String> describeForOperator() {
        List<String> lines = new ArrayList<>();
        byToken.forEach((token, caller) -> caller.roles().forEach(r -> lines.add(r.label() + ":" + token)));
        return lines;
    }
}
