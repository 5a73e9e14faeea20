package mn.sanal.broadcasts;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.organisations.Body;
import mn.sanal.organisations.OrganisationService;

/**
 * At every start: the soum Governor's offices and Khurals may start Broadcast (READ and CREATE_INSTANCE on that
 * definition; CREATE on process instances they already hold as registrars). Nobody else starts it.
 */
@Component
class BroadcastAccess {

    private final OrganisationService organisations;
    private final AuthorizationService authorizations;

    BroadcastAccess(OrganisationService organisations, AuthorizationService authorizations) {
        this.organisations = organisations;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(7)
    @Transactional
    void grant() {
        for (Body b : organisations.bodies()) {
            if (b.kind() != Body.Kind.GOVERNOR_OFFICE && b.kind() != Body.Kind.KHURAL) {
                continue;
            }
            if (authorizations.createAuthorizationQuery().groupIdIn(b.groupId())
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId(BroadcastProcess.KEY).count() > 0) {
                continue;
            }
            Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(b.groupId());
            a.setResource(Resources.PROCESS_DEFINITION);
            a.setResourceId(BroadcastProcess.KEY);
            a.addPermission(Permissions.READ);
            a.addPermission(Permissions.CREATE_INSTANCE);
            authorizations.saveAuthorization(a);
        }
    }
}
