package mn.sanal.polls;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.organisations.Body;
import mn.sanal.organisations.Grants;
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
    private final Grants grants;

    PollAccess(OrganisationService organisations, Grants grants) {
        this.organisations = organisations;
        this.grants = grants;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(6)
    @Transactional
    public void setUp() {
        for (Body b : organisations.bodies()) {
            if (b.kind() != Body.Kind.KHURAL) {
                continue;
            }
            grants.toGroup(b.groupId(), Resources.PROCESS_DEFINITION, SmsPollProcess.KEY, Permissions.READ,
                    Permissions.CREATE_INSTANCE);
            grants.toGroup(b.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            grants.toUser(b.headUserId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grants.toUser(b.headUserId(), Resources.PROCESS_DEFINITION, SmsPollProcess.KEY, Permissions.READ);
        }
    }

}
