package mn.sanal.attachments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import mn.sanal.organisations.Groups;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;

/**
 * Officials open a petition's attachments from the task form. The caller is the user logged in to the Camunda
 * webapps (same session) or HTTP Basic against Camunda's identity service; they get the file only if they are an
 * administrator or Camunda authorizes them to read the petition's process instance. Anyone else gets 404 for an
 * existing file as for a missing one, so ids cannot be probed. The bytes come from the database, the store every
 * node shares, and are streamed to the caller a chunk at a time.
 */
@RestController
class AttachmentController {

    record Caller(String userId, List<String> groupIds) {
    }

    private final AttachmentService attachments;
    private final PetitionService petitions;
    private final ProcessEngine engine;

    AttachmentController(AttachmentService attachments, PetitionService petitions, ProcessEngine engine) {
        this.attachments = attachments;
        this.petitions = petitions;
        this.engine = engine;
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<Resource> get(@PathVariable long id, HttpServletRequest request) {
        Optional<Caller> caller = fromSession(request).or(() -> fromBasic(request));
        if (caller.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Sanal\", charset=\"UTF-8\"").build();
        }
        Optional<Attachment> found = attachments.find(id);
        if (found.isEmpty() || !maySee(caller.get(), petitions.get(found.get().petitionId()))) {
            return ResponseEntity.notFound().build();
        }
        Attachment a = found.get();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.mediaType()))
                .contentLength(a.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; media-src 'self'; img-src 'self'")
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .body(new InputStreamResource(attachments.content(a)));
    }

    boolean maySee(Caller c, Petition p) {
        if (c.groupIds().contains(Groups.ADMINS)) {
            return true;
        }
        if (p.processInstanceId() == null) {
            return false;
        }
        AuthorizationService auth = engine.getAuthorizationService();
        return auth.isUserAuthorized(c.userId(), c.groupIds(), Permissions.READ, Resources.PROCESS_INSTANCE,
                p.processInstanceId());
    }

    private Optional<Caller> fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        if (auths == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(auths.getAuthenticationForProcessEngine(engine.getName()))
                .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
                .map(u -> new Caller(u.getIdentityId(), u.getGroupIds() == null ? List.of() : u.getGroupIds()));
    }

    private Optional<Caller> fromBasic(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        IdentityService identity = engine.getIdentityService();
        if (!identity.checkPassword(user, decoded.substring(colon + 1))) {
            return Optional.empty();
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        return Optional.of(new Caller(user, groups));
    }
}
