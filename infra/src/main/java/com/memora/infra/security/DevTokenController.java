package com.memora.infra.security;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.id.Identifiers;
import com.memora.kernel.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded default's token helper (decisions X2): {@code GET /dev/tokens} gives one token per role,
 * {@code GET /dev/tokens/{role}?sub=alice} one plain-text token. It exists only in the embedded mode without a
 * production key, and answers only requests that come straight from this machine (not through a proxy).
 */
@RestController
@RequestMapping("/dev/tokens")
@Conditional(JwtKeyConditions.EmbeddedTokens.class)
class DevTokenController {

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final Map<String, String> DEFAULT_SUBJECTS = Map.of(
            Roles.ADMIN, "admin", Roles.EDITOR, "editor", Roles.PLAYER, "player-1");

    private final DevTokenIssuer issuer;

    DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping
    Map<String, DevTokenIssuer.IssuedToken> tokens(HttpServletRequest request) {
        requireLoopback(request);
        Map<String, DevTokenIssuer.IssuedToken> tokens = new LinkedHashMap<>();
        for (String role : List.of(Roles.ADMIN, Roles.EDITOR, Roles.PLAYER)) {
            tokens.put(role.toLowerCase(Locale.ROOT),
                       issuer.issue(DEFAULT_SUBJECTS.get(role), List.of(role), LIFETIME));
        }
        return tokens;
    }

    @GetMapping(value = "/{role}", produces = MediaType.TEXT_PLAIN_VALUE)
    String token(@PathVariable("role") String role, @RequestParam(name = "sub", required = false) String sub,
                 HttpServletRequest request) {
        requireLoopback(request);
        String normalized = role.toUpperCase(Locale.ROOT);
        if (!DEFAULT_SUBJECTS.containsKey(normalized)) {
            throw new InvalidInputException("token-role", "role", "role must be admin, editor or player");
        }
        String subject = sub == null ? DEFAULT_SUBJECTS.get(normalized) : sub;
        if (!Identifiers.isValidNodeId(subject)) {
            throw new InvalidInputException("token-subject", "sub", "sub must match " + Identifiers.NODE_ID_REGEX);
        }
        return issuer.issue(subject, List.of(normalized), LIFETIME).token();
    }

    private static void requireLoopback(HttpServletRequest request) {
        boolean proxied = request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null;
        if (proxied || !isLoopback(request.getRemoteAddr())) {
            throw new AccessDeniedException("The token helper answers only on loopback");
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
