package mn.sanal.organisations;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.petitions.PetitionHandlingProcess;
import mn.sanal.petitions.PetitionRegistrationProcess;

/**
 * The Camunda groups behind the organisation and what each may do. Officials: Tasklist, and the petition process's
 * definition (for names and forms), never all its instances. Supervisors: Tasklist and Cockpit, instances of their
 * aimag only (granted per case). Process owners: deploy and change models and rules. Registrars (the groups
 * {@link RegistrationProperties} names): start PetitionRegistration from Tasklist.
 */
@Component
public class BodyAccess {

    private static final Logger log = LoggerFactory.getLogger(BodyAccess.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final RegistrationProperties registration;

    BodyAccess(IdentityService identity, AuthorizationService authorizations, RegistrationProperties registration) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.registration = registration;
    }

    public void setUpBody(Body body) {
        group(body.groupId(), body.nameMn());
        officialAccess(body.groupId());
    }

    public void setUpSupervisors(String aimagCode, String aimagName) {
        String group = Groups.supervisors(aimagCode);
        group(group, aimagName + " аймгийн хяналтын алба");
        officialAccess(group);
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }

    public void setUpClerks() {
        group(Groups.CLERKS, "Өргөдөл ангилах ажилтнууд");
        officialAccess(Groups.CLERKS);
    }

    /** Heads of bodies: Tasklist and the petition process's definition, for the tasks assigned to them by name. */
    public void setUpHeads() {
        group(Groups.HEADS, "Байгууллагын дарга нар");
        officialAccess(Groups.HEADS);
    }

    /** The 11-11 call centre's operators: Tasklist, to register what callers say. */
    public void setUpCallCentre() {
        group(Groups.CALL_CENTRE, "11-11 дуудлагын төвийн операторууд");
        grant(Groups.CALL_CENTRE, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }

    /** A soum's mobile citizens' hall: Tasklist, to register petitions brought to the hall. */
    public void setUpMobileHall(String groupId, String name) {
        group(groupId, name);
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }

    /**
     * After the organisation is loaded (demo data runs first), and at every start: every group the configuration
     * names may start PetitionRegistration (CREATE on process instances, READ and CREATE_INSTANCE on that definition
     * only); a group it no longer names loses the definition's grant. The delegate checks the same list again.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    @Transactional
    public void setUpRegistrars() {
        int n = 0;
        for (Group g : identity.createGroupQuery().list()) {
            if (registration.allows(g.getId())) {
                grant(g.getId(), Resources.PROCESS_DEFINITION, PetitionRegistrationProcess.KEY, Permissions.READ,
                        Permissions.CREATE_INSTANCE);
                grant(g.getId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
                n++;
            }
        }
        authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(PetitionRegistrationProcess.KEY).list().stream()
                .filter(a -> a.getGroupId() != null && !registration.allows(a.getGroupId()))
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        log.info("{} groups may register walk-in and phone petitions ({})", n, registration.groups());
    }

    /**
     * Process owners change models and rules (every deployment passes the deployment guard) and read definitions and
     * their history in Cockpit. They do not touch running cases: no process instance permission (starting,
     * modifying or migrating a case with chosen variables would bypass the officials' forms), and no deleting a
     * deployment (a cascading delete would end running cases); a rule is rolled back by deploying the old version.
     */
    public void setUpProcessOwners() {
        group(Groups.PROCESS_OWNERS, "Үйл явцын эзэд");
        grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
                Permissions.CREATE_INSTANCE);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        revoke(Groups.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, "*");
    }

    public void addMember(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private void officialAccess(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, PetitionHandlingProcess.KEY, Permissions.READ);
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group g = identity.newGroup(id);
            g.setName(name);
            g.setType("WORKFLOW");
            identity.saveGroup(g);
        }
    }

    /** The group holds exactly these permissions on the resource: a grant made by an earlier version is narrowed. */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization a = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).list().stream().findFirst()
                .orElse(null);
        if (a == null) {
            a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
        } else {
            a.removePermission(Permissions.ALL);
        }
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }

    private void revoke(String group, Resource resource, String resourceId) {
        authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
                .list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
}
