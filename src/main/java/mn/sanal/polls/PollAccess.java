package mn.sanal.polls;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.organisations.Body;
import mn.sanal.organisations.OrganisationService;

/**
 * Who may do what with polls, at every start after the organisation is loaded: each soum's Khural group may start
 * SmsPoll from Tasklist (the registration checks again that the starter is of that soum's Khural); each Khural chair
 * may open Tasklist and read the definition (to approve). Nobody gets a permission on votes: they are not in the
 * engine at all.
 */
@Component
class PollAccess {

    private final OrganisationService organisations;
    private final AuthorizationService authorizations;

    PollAccess(OrganisationService organisations, AuthorizationService authorizations) {
        this.organisations = organisations;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(6)
    @Transactional
    public void setUp() {
        for (Body b : organisations.bodies()) {
            if (b.kind() != Body.Kind.KHURAL) {
                continue;
            }
            grant(b.groupId(), null, Resources.PROCESS_DEFINITION, SmsPollProcess.KEY, Permissions.READ,
                    Permissions.CREATE_INSTANCE);
            grant(b.groupId(), null, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            grant(null, b.headUserId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(null, b.headUserId(), Resources.PROCESS_DEFINITION, SmsPollProcess.KEY, Permissions.READ);
        }
    }

    private void grant(String group, String user, Resource resource, String resourceId, Permission... permissions) {
        var query = authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId)
                .authorizationType(Authorization.AUTH_TYPE_GRANT);
        Authorization a = (group != null ? query.groupIdIn(group) : query.userIdIn(user)).list().stream()
                .findFirst().orElse(null);
        if (a == null) {
            a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            if (group != null) {
                a.setGroupId(group);
            } else {
                a.setUserId(user);
            }
            a.setResource(resource);
            a.setResourceId(resourceId);
        }
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }
}
