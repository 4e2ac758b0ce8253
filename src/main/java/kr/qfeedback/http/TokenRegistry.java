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
 * The bearer tokens the service accepts, from {@code QF_TOKENS} ({@code role:token} pairs,
 * comma-separated; a token listed under both roles has both). Each token has a name for audit
 * records ({@code decide-1}, {@code author-1}, …) that never reveals the token. Comparison is in
 * constant time.
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

    /** Parses QF_TOKENS; throws IllegalArgumentException with a sentence naming the bad pair. */
    public static TokenRegistry parse(String spec) {
        Map<String, EnumSet<Role>> roles = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<Role, Integer> counts = new LinkedHashMap<>();
        String[] pairs = spec.split(",");
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].strip();
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("QF_TOKENS entry " + (i + 1) + " is not 'role:token' (roles: decide, author).");
            }
            Role role = Role.parse(pair.substring(0, colon).strip());
            String token = pair.substring(colon + 1).strip();
            if (token.length() < 8) {
                throw new IllegalArgumentException("QF_TOKENS entry " + (i + 1) + " has a token shorter than 8 characters.");
            }
            roles.computeIfAbsent(token, t -> EnumSet.noneOf(Role.class)).add(role);
            int n = counts.merge(role, 1, Integer::sum);
            names.putIfAbsent(token, role.label() + "-" + n);
        }
        Map<String, Caller> byToken = new LinkedHashMap<>();
        roles.forEach((token, r) -> byToken.put(token, new Caller(names.get(token), Set.copyOf(r))));
        return new TokenRegistry(byToken);
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
