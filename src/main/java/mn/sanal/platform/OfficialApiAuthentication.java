package mn.sanal.platform;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Who calls our own officials' API ({@code /api/*}): a user logged in to the Camunda webapps (the session of
 * Tasklist/Cockpit, so a page of ours can call the API) or a client with HTTP Basic (scripts). The engine's current
 * authentication is set for the request (user and groups); features check what that user may do.
 * <p>
 * A session-authenticated request that changes something (anything but GET/HEAD/OPTIONS) must carry the session's
 * anti-forgery token in {@code X-XSRF-TOKEN}: the webapps' own token ({@code CAMUNDA_CSRF_TOKEN}), which
 * {@code GET /api/session} also gives to pages of ours. HTTP Basic needs none: a browser never adds it by itself to a
 * cross-site request unless the user typed it for this site, and our pages do not ask for it.
 */
public class OfficialApiAuthentication extends OncePerRequestFilter {

    public static final String URL_PATTERN = "/api/*";
    static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final ProcessEngine engine;

    public OfficialApiAuthentication(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IdentityService identity = engine.getIdentityService();
        String user;
        List<String> groups;
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            String[] login = basic(header);
            if (login == null || !identity.checkPassword(login[0], login[1])) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sanal\"");
                response.sendError(HttpStatus.UNAUTHORIZED.value());
                return;
            }
            user = login[0];
            groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        } else {
            HttpSession session = request.getSession(false);
            Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            UserAuthentication auth = auths == null ? null
                    : (UserAuthentication) auths.getAuthenticationForProcessEngine(engine.getName());
            if (auth == null) {
                if (request.getHeader("X-Requested-With") == null) {
                    // a page of ours asks with X-Requested-With and shows its own login link instead of a dialog
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sanal\"");
                }
                response.sendError(HttpStatus.UNAUTHORIZED.value());
                return;
            }
            if (!safe(request.getMethod()) && !csrfMatches(session, request.getHeader(CSRF_HEADER))) {
                response.sendError(HttpStatus.FORBIDDEN.value());
                return;
            }
            user = auth.getIdentityId();
            groups = auth.getGroupIds() == null ? List.of() : List.copyOf(auth.getGroupIds());
        }
        identity.setAuthentication(user, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The session's anti-forgery token, made if the webapps have not made one yet. */
    public static String csrfToken(HttpSession session) {
        synchronized (session.getId().intern()) {
            Object t = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
            if (t == null) {
                t = UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
                session.setAttribute(CSRF_SESSION_ATTRIBUTE, t);
            }
            return t.toString();
        }
    }

    private static boolean csrfMatches(HttpSession session, String given) {
        Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        return expected != null && given != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean safe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private static String[] basic(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
