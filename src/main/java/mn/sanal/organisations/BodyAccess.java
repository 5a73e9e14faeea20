package mn.sanal.organisations;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionHandlingProcess;

/**
 * The Camunda groups behind the organisation and what each may do. Officials: Tasklist, and the petition process's
 * definition (for names and forms), never all its instances. Supervisors: Tasklist and Cockpit, instances of their
 * aimag only (granted per case). Process owners: deploy and change models and rules.
 */
@Component
public class BodyAccess {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    BodyAccess(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
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

    public void setUpProcessOwners() {
        group(Groups.PROCESS_OWNERS, "Үйл явцын эзэд");
        grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ,
                Permissions.DELETE);
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, "*", Permissions.ALL);
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

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(group);
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }
}
